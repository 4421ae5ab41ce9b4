import { RunRuleTestsBodySchema } from "@/lib/alerting/rule-tests/api-schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { runRuleTests } from "@/lib/server/services/rule-tests";

export const dynamic = "force-dynamic";

type Params = { id: string };

/**
 * POST /api/projects/{id}/rule-tests {group?}: the project's rule tests as the bundle exports them,
 * run with the server's promtool; per case its verdict and promtool's own output.
 */
export const POST = handler<Params>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const body =
    request.headers.get("content-length") === "0" ? {} : await readJson(request, RunRuleTestsBodySchema);
  return json(await runRuleTests(context, id, body, request.signal));
});
