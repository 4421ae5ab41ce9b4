import { TestCaseBodySchema } from "@/lib/alerting/rule-tests/api-schemas";
import { previewErrorBody } from "@/lib/preview/http";
import { PreviewError } from "@/lib/prometheus/errors";
import { handler, projectIdParam, ruleGroupNameParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { generateTestCase } from "@/lib/server/services/rule-tests";

export const dynamic = "force-dynamic";

type Params = { id: string; name: string };

/**
 * POST /api/projects/{id}/rule-groups/{name}/backtest/test-case {rule?, draft?, start, end}: the
 * window as a promtool rule test (input series at the group's interval, expected alerts from the
 * backtest), model test cases for the rule, and promtool's verdict on it when the server has promtool.
 */
export const POST = handler<Params>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const group = ruleGroupNameParam(params.name);
  const body = await readJson(request, TestCaseBodySchema);
  try {
    return json(await generateTestCase(context, id, group, body, request.signal));
  } catch (error) {
    if (error instanceof PreviewError) return json(previewErrorBody(error), error.status);
    throw error;
  }
});
