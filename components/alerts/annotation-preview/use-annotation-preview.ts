"use client";

import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type {
  AnnotationPreviewBody,
  AnnotationPreviewResponse,
} from "@/lib/alerting/templates/annotation-preview-schemas";
import { queryKeys } from "@/lib/api/query-keys";
import { fetchAnnotationPreview } from "./annotation-preview-client";

/** How long the rule must stay unchanged before it is rendered on the server (typing pauses). */
const SETTLE_MS = 400;

/** The value once it has not changed for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The annotation preview of a rule as edited; nothing is asked while it has no expression. */
export function useAnnotationPreview(
  projectId: string,
  body: AnnotationPreviewBody,
): UseQueryResult<AnnotationPreviewResponse> {
  const key = JSON.stringify(body);
  const settledKey = useSettled(key, SETTLE_MS);
  return useQuery({
    queryKey: queryKeys.previewCall(projectId, "annotations", { body: settledKey }),
    enabled: body.rule.expr.trim() !== "",
    retry: false,
    staleTime: 15_000,
    placeholderData: (previous) => previous,
    queryFn: ({ signal }) =>
      fetchAnnotationPreview(projectId, JSON.parse(settledKey) as AnnotationPreviewBody, signal),
  });
}
