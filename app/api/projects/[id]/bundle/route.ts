import { handler, projectIdParam } from "@/lib/server/handler";
import { zipResponse } from "@/lib/server/http";
import { downloadBundle } from "@/lib/server/services/bundle";

export const dynamic = "force-dynamic";

export const GET = handler<{ id: string }>(async ({ context, params }) =>
  zipResponse(await downloadBundle(context, projectIdParam(params.id))),
);
