"use client";

import { type ReactNode, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { authClient, authErrorMessage } from "@/lib/auth/client";
import { OIDC_PROVIDER_ID, SIGN_IN_ERROR_PATH } from "@/lib/auth/oidc";

export interface SingleSignOnButtonProps {
  /** The identity provider's name, as OBSFORGE_OIDC_NAME gives it. */
  name: string;
  /** Where to go once signed in (a path of this app). */
  next: string;
  /** "Sign in" or "Sign up": the verb on the button. */
  verb?: string;
}

/**
 * "Sign in with <provider>": Better Auth answers the identity provider's authorization URL and the
 * browser goes there; it comes back signed in at `next`, or refused at the sign-in page, which says
 * why.
 */
export function SingleSignOnButton({ name, next, verb = "Sign in" }: SingleSignOnButtonProps): ReactNode {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function start(): Promise<void> {
    setBusy(true);
    setError(null);
    const { error: refused } = await authClient.signIn.social({
      provider: OIDC_PROVIDER_ID,
      callbackURL: next,
      errorCallbackURL: SIGN_IN_ERROR_PATH,
    });
    // On success the client is already navigating to the identity provider.
    if (refused) {
      setError(authErrorMessage(refused, "Single sign-on could not start; try again."));
      setBusy(false);
    }
  }

  return (
    <div className="auth-sso">
      <p className="auth-sso-or muted small">or</p>
      <button type="button" className="button" onClick={() => void start()} disabled={busy || !hydrated}>
        {busy ? "…" : `${verb} with ${name}`}
      </button>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
