import { liveHandler } from "@/lib/alerting/live/http";
import { liveRules } from "@/lib/alerting/live/service";
import { projectIdParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** GET /api/projects/{id}/live/rules: the project's alerting rules with their state in its Prometheus. */
export const GET = liveHandler<{ id: string }>(async ({ request, context, params }) => {
  return json(await liveRules(context, projectIdParam(params.id), request.signal));
});
