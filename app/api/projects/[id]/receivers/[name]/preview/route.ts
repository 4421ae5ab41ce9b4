import { PreviewBodySchema, ReceiverNameSchema } from "@/lib/alerting/notify/api-schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, parseParam, readJson } from "@/lib/server/http";
import { previewNotifications } from "@/lib/server/services/notifications";

export const dynamic = "force-dynamic";

/** The receiver's messages rendered for a sample alert group (firing or resolved); writes nothing. */
export const POST = handler<{ id: string; name: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const name = parseParam(ReceiverNameSchema, params.name, "receiver");
  const body = await readJson(request, PreviewBodySchema);
  return json(await previewNotifications(context, id, name, body));
});
