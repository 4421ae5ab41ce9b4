"use client";

import { type ReactNode, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Ends the session and goes to the sign-in page. Better Auth's client is loaded on the click: the
 * button is in every page's header, and its 47 KB of script would otherwise run before each page's
 * first drawing for an action taken once a session.
 */
export function SignOutButton(): ReactNode {
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      className="button button-small"
      disabled={busy || !hydrated}
      onClick={async () => {
        setBusy(true);
        try {
          const { authClient } = await import("@/lib/auth/client");
          await authClient.signOut();
          window.location.assign("/sign-in");
        } catch {
          // The client's script or the server could not be reached: the button can be tried again.
          setBusy(false);
        }
      }}
    >
      Sign out
    </button>
  );
}
