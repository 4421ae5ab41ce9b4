import { z } from "zod";
import { liveHandler } from "@/lib/alerting/live/http";
import { acknowledgeBody, fingerprintParam } from "@/lib/alerting/live/params";
import { acknowledge } from "@/lib/alerting/live/service";
import { projectIdParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** POST /api/projects/{id}/live/alerts/{fingerprint}/acknowledge {author, comment, duration}: silences the alert. */
export const POST = liveHandler<{ id: string; fingerprint: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const fingerprint = fingerprintParam(params.fingerprint);
  const body = acknowledgeBody(await readJson(request, z.unknown()));
  return json(await acknowledge(context, id, fingerprint, body), 201);
});
