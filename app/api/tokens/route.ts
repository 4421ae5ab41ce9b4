import { CreateApiTokenBodySchema } from "@/lib/api/api-tokens-schemas";
import { handler } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { createToken, listTokens } from "@/lib/server/services/api-tokens";

export const dynamic = "force-dynamic";

/** The signed-in user's API tokens (never their values). A session is required: not with a token. */
export const GET = handler(async ({ context }) => json({ tokens: await listTokens(context) }));

/** Makes a token; the answer holds its value, this once. */
export const POST = handler(async ({ request, context }) => {
  const created = await createToken(context, await readJson(request, CreateApiTokenBodySchema));
  return json(created, 201, { location: `/api/tokens/${created.token.id}` });
});
