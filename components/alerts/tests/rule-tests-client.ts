import { type RuleTestsRunBody, RuleTestsRunSchema } from "@/lib/alerting/rule-tests/api-schemas";
import { requestExchange } from "@/lib/api/client";

/** POST /api/projects/{id}/rule-tests {group}: the saved group's rule tests, run by the server's promtool. */
export async function runGroupTests(
  projectId: string,
  group: string,
  signal?: AbortSignal,
): Promise<RuleTestsRunBody> {
  return (
    await requestExchange(
      RuleTestsRunSchema,
      "POST",
      `/api/projects/${encodeURIComponent(projectId)}/rule-tests`,
      {
        body: { group },
        signal,
      },
    )
  ).data;
}
