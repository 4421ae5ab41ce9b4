import { ReceiverNameSchema } from "@/lib/alerting/notify/api-schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, parseParam } from "@/lib/server/http";
import { listDeliveries } from "@/lib/server/services/notifications";

export const dynamic = "force-dynamic";

/** The receiver's delivery log (test sends), newest first. */
export const GET = handler<{ id: string; name: string }>(async ({ context, params }) =>
  json(
    await listDeliveries(
      context,
      projectIdParam(params.id),
      parseParam(ReceiverNameSchema, params.name, "receiver"),
    ),
  ),
);
