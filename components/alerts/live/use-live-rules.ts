"use client";

import { useQuery } from "@tanstack/react-query";
import { previewRules } from "@/lib/api/preview-client";
import { queryKeys } from "@/lib/api/query-keys";
import type { RulesData } from "@/lib/prometheus/schemas";

const NO_PARAMS = {};

export interface LiveRules {
  data: RulesData | undefined;
  error: string | undefined;
}

/**
 * The rule groups the project's Prometheus runs, through the preview API (GET /api/v1/rules),
 * refreshed every 30 s while shown. One request per page, shared by every badge.
 */
export function useLiveRules(projectId: string, enabled = true): LiveRules {
  const query = useQuery({
    queryKey: queryKeys.previewCall(projectId, "rules", NO_PARAMS),
    // No panel waits for it: it goes when no panel query is in flight or waiting.
    queryFn: async ({ signal }) =>
      (await previewRules(projectId, NO_PARAMS, { signal, idle: true })).response.data,
    enabled,
    staleTime: 15_000,
    refetchInterval: 30_000,
    retry: false,
  });
  return { data: query.data, error: query.error?.message };
}
