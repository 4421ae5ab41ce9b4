import Link from "next/link";
import type { ReactNode } from "react";
import { pageUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";
import "./auth.css";

/** The top bar's right end: who is signed in, their team's members page, their account (API tokens), sign-out. */
export async function UserMenu(): Promise<ReactNode> {
  const user = await pageUser();
  if (!user) return null;
  return (
    <nav className="user-menu" aria-label="Account">
      <span title={user.email}>
        Signed in as <strong>{user.name}</strong>
        {user.isAdmin ? <span className="badge">admin</span> : null}
      </span>
      {/* Not prefetched, as the main navigation: a prefetch renders the page on the server beside the
          current one's requests (on a dashboard, /team's render held up its first panel queries). */}
      <Link href="/team" prefetch={false}>
        Team
      </Link>
      <Link href="/account" prefetch={false}>
        Account
      </Link>
      <SignOutButton />
    </nav>
  );
}
