import {
  type AnnotationPreviewBody,
  type AnnotationPreviewResponse,
  AnnotationPreviewResponseSchema,
} from "@/lib/alerting/templates/annotation-preview-schemas";
import { requestExchange } from "@/lib/api/client";

/** POST /api/projects/{id}/preview/annotations from the browser; failures are ApiRequestErrors. */
export async function fetchAnnotationPreview(
  projectId: string,
  body: AnnotationPreviewBody,
  signal?: AbortSignal,
): Promise<AnnotationPreviewResponse> {
  const url = `/api/projects/${encodeURIComponent(projectId)}/preview/annotations`;
  return (await requestExchange(AnnotationPreviewResponseSchema, "POST", url, { body, signal })).data;
}
