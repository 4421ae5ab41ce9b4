import { BacktestBodySchema } from "@/lib/alerting/backtest/api-schemas";
import { previewErrorBody } from "@/lib/preview/http";
import { PreviewError } from "@/lib/prometheus/errors";
import { handler, projectIdParam, ruleGroupNameParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { backtestStream, prepareBacktest } from "@/lib/server/services/backtest";

export const dynamic = "force-dynamic";

type Params = { id: string; name: string };

/**
 * POST /api/projects/{id}/rule-groups/{name}/backtest {rule?, draft?, window | start, end?}:
 * the saved rule and/or a draft replayed as Prometheus's rule engine would have evaluated them over
 * the window, answered as NDJSON (progress lines, then the result); closing the request cancels it.
 */
export const POST = handler<Params>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const group = ruleGroupNameParam(params.name);
  const body = await readJson(request, BacktestBodySchema);
  try {
    const prepared = await prepareBacktest(context, id, group, body, request.signal);
    return new Response(backtestStream(prepared, request.signal), {
      headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
    });
  } catch (error) {
    if (error instanceof PreviewError) return json(previewErrorBody(error), error.status);
    throw error;
  }
});
