import {
  type ApiToken,
  ApiTokenSchema,
  type ApiTokenList,
  ApiTokenListSchema,
  type CreateApiTokenBody,
  type CreatedApiToken,
  CreatedApiTokenSchema,
} from "./api-tokens-schemas";
import { requestExchange } from "./client";

/** The browser's calls for the signed-in user's personal API tokens (a session's, never a token's). */

const TOKENS_URL = "/api/tokens";

/** GET /api/tokens: the user's tokens not revoked, newest first; never a value. */
export async function listApiTokens(): Promise<ApiTokenList> {
  return (await requestExchange(ApiTokenListSchema, "GET", TOKENS_URL)).data;
}

/** POST /api/tokens: a new token and, this once, its value. */
export async function createApiToken(body: CreateApiTokenBody): Promise<CreatedApiToken> {
  return (await requestExchange(CreatedApiTokenSchema, "POST", TOKENS_URL, { body })).data;
}

/** DELETE /api/tokens/{id}: the token stops working at once; answers it as revoked. */
export async function revokeApiToken(id: string): Promise<ApiToken> {
  return (await requestExchange(ApiTokenSchema, "DELETE", `${TOKENS_URL}/${encodeURIComponent(id)}`)).data;
}
