"use client";

import { type ReactNode, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { authClient } from "@/lib/auth/client";

/** Ends the session and goes to the sign-in page. */
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
        await authClient.signOut();
        window.location.assign("/sign-in");
      }}
    >
      Sign out
    </button>
  );
}
