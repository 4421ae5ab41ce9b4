import { ReceiverNameSchema, TestSendBodySchema } from "@/lib/alerting/notify/api-schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, parseParam, readJson } from "@/lib/server/http";
import { sendTestNotification } from "@/lib/server/services/notifications";

export const dynamic = "force-dynamic";

/** Sends what Alertmanager would send for a sample alert, with retries; answers every attempt. */
export const POST = handler<{ id: string; name: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const name = parseParam(ReceiverNameSchema, params.name, "receiver");
  const body = await readJson(request, TestSendBodySchema);
  return json(await sendTestNotification(context, id, name, body));
});
