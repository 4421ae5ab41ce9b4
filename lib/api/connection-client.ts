import { requestExchange } from "./client";
import {
  type TestConnectionBody,
  type TestConnectionResponse,
  TestConnectionResponseSchema,
} from "./preview-schemas";

export type { TestConnectionBody, TestConnectionResponse } from "./preview-schemas";

/**
 * The browser's side of Settings' "Test connection": one fetch function, its answer checked against
 * the contract in preview-schemas.ts. A Prometheus that cannot be used is an answer (`ok: false`),
 * not a failed request, so the page logs no error for it.
 */

/** POST /api/projects/{id}/preview/test-connection */
export async function testPrometheusConnection(
  projectId: string,
  body: TestConnectionBody,
  signal?: AbortSignal,
): Promise<TestConnectionResponse> {
  const url = `/api/projects/${encodeURIComponent(projectId)}/preview/test-connection`;
  return (await requestExchange(TestConnectionResponseSchema, "POST", url, { body, signal })).data;
}
