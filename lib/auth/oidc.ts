import type { Env } from "../env";

/**
 * OpenID Connect single sign-on, switched on by OBSFORGE_OIDC_ISSUER and OBSFORGE_OIDC_CLIENT_ID
 * (lib/env.ts checks they come together). Better Auth's genericOAuth plugin does the protocol
 * (discovery, authorization code with PKCE, ID token checked against the provider's keys and the
 * nonce); lib/auth/auth.ts registers it under OIDC_PROVIDER_ID, and admits a new account by the same
 * rule as a password sign-up (first account administrator, then by invitation only).
 */

/** The id in Better Auth's routes: sign-in/social {provider: "oidc"}, callback /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

/** The path the identity provider sends the browser back to; registered there as the redirect URI. */
export const OIDC_CALLBACK_PATH = `/api/auth/callback/${OIDC_PROVIDER_ID}`;

/** Where a refused single sign-on lands (with `?error=<code>`): the sign-in page says why. */
export const SIGN_IN_ERROR_PATH = "/sign-in";

const WELL_KNOWN = "/.well-known/openid-configuration";

export interface OidcSettings {
  discoveryUrl: string;
  clientId: string;
  clientSecret: string | undefined;
  /** The sign-in button's label: "Sign in with <name>". */
  name: string;
}

/** The single sign-on settings from the environment, or null when it is not configured. */
export function oidcSettings(parsed: Env): OidcSettings | null {
  const issuer = parsed.OBSFORGE_OIDC_ISSUER;
  const clientId = parsed.OBSFORGE_OIDC_CLIENT_ID;
  if (issuer === undefined || clientId === undefined) return null;
  return {
    discoveryUrl: discoveryUrlOf(issuer),
    clientId,
    clientSecret: parsed.OBSFORGE_OIDC_CLIENT_SECRET,
    name: parsed.OBSFORGE_OIDC_NAME ?? "single sign-on",
  };
}

/** The discovery document's URL: the issuer's well-known path, unless the URL given is already it. */
export function discoveryUrlOf(issuerOrDiscovery: string): string {
  const url = new URL(issuerOrDiscovery);
  if (url.pathname.endsWith(WELL_KNOWN)) return url.toString();
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${WELL_KNOWN}`;
  return url.toString();
}

/**
 * What the sign-in page says for the `error` code Better Auth put on the URL after a refused single
 * sign-on. Only known codes get a sentence of ours: the page never shows text taken from the URL
 * (anyone can craft a link to it).
 */
export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case INVITATION_REQUIRED_CODE:
      return "There is no account for this e-mail address yet, and sign-up is by invitation: ask an owner of a team for an invitation link for your address, then sign in again.";
    case "account_not_linked":
      return "An account with this e-mail address exists, but the identity provider did not confirm the address: sign in with the account's password instead.";
    case "access_denied":
      return "Single sign-on was cancelled at the identity provider.";
    case "email_not_found":
      return "The identity provider did not give an e-mail address: it is needed to sign in.";
    default:
      return `Single sign-on failed (${code.replace(/[^\w.-]/g, "").slice(0, 60)}); try again or ask the administrator.`;
  }
}

/** The code of the refusal of an uninvited new account (lib/auth/first-account.ts). */
export const INVITATION_REQUIRED_CODE = "INVITATION_REQUIRED";
