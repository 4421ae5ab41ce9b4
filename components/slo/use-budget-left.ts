import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { type BudgetRow, budgetRows } from "@/lib/alerting/slo/budget-rows";
import { previewQuery } from "@/lib/api/preview-client";
import { queryKeys } from "@/lib/api/query-keys";

/**
 * The error budget left over the SLO window, from the project's Prometheus through the existing
 * preview API (POST …/preview/query): no SLO endpoint of its own is needed.
 */
export function useBudgetLeft(
  projectId: string,
  query: string | undefined,
): UseQueryResult<BudgetRow[], Error> {
  const params = { query: query ?? "" };
  return useQuery({
    queryKey: queryKeys.previewCall(projectId, "query", params),
    queryFn: async ({ signal }) =>
      budgetRows((await previewQuery(projectId, params, { signal })).response.data),
    enabled: query !== undefined,
    retry: false,
    staleTime: 60_000,
  });
}
