import { organizationClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { accessControl, roles } from "./access";

/** Better Auth's browser client: sign-up, sign-in, sign-out, teams and invitations under /api/auth. */
export const authClient = createAuthClient({ plugins: [organizationClient({ ac: accessControl, roles })] });

/** The message of a Better Auth error answer, or a generic one. */
export function authErrorMessage(
  error: { message?: string; status?: number } | null,
  fallback: string,
): string {
  return error?.message?.trim() ? error.message : fallback;
}
