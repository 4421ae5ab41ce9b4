import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { anyAccountExists, INVITATION_ONLY_MESSAGE } from "@/lib/auth/first-account";
import { pendingInvitation } from "@/lib/auth/invitations";
import { oidcSettings } from "@/lib/auth/oidc";
import { pageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign up · Obsforge" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<ReactNode> {
  const raw = (await searchParams).invitation;
  const invitationId = Array.isArray(raw) ? raw[0] : raw;
  if (await pageUser()) redirect(invitationId ? `/invitations/${encodeURIComponent(invitationId)}` : "/");
  const db = await getDb();
  const first = !(await anyAccountExists(db));
  const invitation = !first && invitationId ? await pendingInvitation(db, invitationId) : null;
  if (invitation?.accountExists)
    redirect(`/sign-in?next=${encodeURIComponent(`/invitations/${invitation.id}`)}`);
  const oidc = oidcSettings(env());
  return (
    <main className="auth-page">
      {first || invitation ? (
        <SignUpForm
          first={first}
          {...(invitation ? { invitation } : {})}
          {...(oidc ? { singleSignOn: { name: oidc.name } } : {})}
        />
      ) : (
        <div className="card auth-form">
          <h1>Sign up</h1>
          <p className="notice notice-warning" role="alert">
            {invitationId ? "This invitation link is not valid any more (used, cancelled or expired). " : ""}
            {INVITATION_ONLY_MESSAGE}.
          </p>
          <p>
            Already have an account? <Link href="/sign-in">Sign in</Link>
          </p>
        </div>
      )}
    </main>
  );
}
