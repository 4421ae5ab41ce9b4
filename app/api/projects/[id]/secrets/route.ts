import { handler, projectIdParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";
import { listSecrets } from "@/lib/server/services/secrets";

export const dynamic = "force-dynamic";

/** Whether each secret of the project is set, and where it is used; never a value. */
export const GET = handler<{ id: string }>(async ({ context, params }) =>
  json({ secrets: await listSecrets(context, projectIdParam(params.id)) }),
);
