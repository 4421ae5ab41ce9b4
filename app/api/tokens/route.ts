import { z } from "zod";
import { handler } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { createToken, listTokens } from "@/lib/server/services/api-tokens";

export const dynamic = "force-dynamic";

/** The signed-in user's API tokens (never their values). A session is required: not with a token. */
export const GET = handler(async ({ context }) => json({ tokens: await listTokens(context) }));

/**
 * Makes a token; the answer holds its value, this once. The service checks the body after the
 * caller (a call with a token is refused whatever body it sends), so it is read here as any JSON.
 */
export const POST = handler(async ({ request, context }) => {
  const created = await createToken(context, await readJson(request, z.unknown()));
  return json(created, 201, { location: `/api/tokens/${created.token.id}` });
});
