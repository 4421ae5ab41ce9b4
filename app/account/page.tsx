import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ApiTokensManager } from "@/components/account/api-tokens-manager";
import { pageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account · Obsforge" };
export const dynamic = "force-dynamic";

/** The signed-in user's account: who they are and their personal API tokens (the root layout has checked the session). */
export default async function AccountPage(): Promise<ReactNode> {
  const user = await pageUser();
  if (!user) return null;
  return (
    <main>
      <p className="muted">
        Signed in as <strong>{user.name}</strong> ({user.email})
      </p>
      <ApiTokensManager />
    </main>
  );
}
