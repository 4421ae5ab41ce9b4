import { ApiTokenIdSchema } from "@/lib/api/api-tokens-schemas";
import { handler } from "@/lib/server/handler";
import { json, parseParam } from "@/lib/server/http";
import { revokeToken } from "@/lib/server/services/api-tokens";

export const dynamic = "force-dynamic";

/** Revokes one of the signed-in user's tokens; another user's answers 404. */
export const DELETE = handler<{ id: string }>(async ({ context, params }) =>
  json(await revokeToken(context, parseParam(ApiTokenIdSchema, params.id, "API token"))),
);
