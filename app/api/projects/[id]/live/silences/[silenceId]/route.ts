import { liveHandler } from "@/lib/alerting/live/http";
import { silenceIdParam } from "@/lib/alerting/live/params";
import { expire } from "@/lib/alerting/live/service";
import { projectIdParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** DELETE /api/projects/{id}/live/silences/{silenceId}: expires the silence. */
export const DELETE = liveHandler<{ id: string; silenceId: string }>(async ({ context, params }) => {
  const id = projectIdParam(params.id);
  const silenceId = silenceIdParam(params.silenceId);
  await expire(context, id, silenceId);
  return json({ expired: [silenceId] });
});
