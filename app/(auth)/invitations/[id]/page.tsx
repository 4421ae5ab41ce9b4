import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AcceptInvitation } from "@/components/auth/accept-invitation";
import { pendingInvitation } from "@/lib/auth/invitations";
import { pageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import "@/components/auth/auth.css";

export const metadata: Metadata = { title: "Invitation · Obsforge" };
export const dynamic = "force-dynamic";

/** An invitation link: signed out, to sign-up (or sign-in when the address has an account); signed in, accept it. */
export default async function InvitationPage({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<ReactNode> {
  const { id } = await params;
  const invitation = await pendingInvitation(await getDb(), id);
  const user = await pageUser();
  if (!user && invitation && !invitation.accountExists)
    redirect(`/sign-up?invitation=${encodeURIComponent(id)}`);
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/invitations/${id}`)}`);
  return (
    <main className="auth-page">
      {invitation ? (
        <AcceptInvitation
          invitationId={invitation.id}
          teamName={invitation.teamName}
          role={invitation.role}
        />
      ) : (
        <p className="notice notice-warning" role="alert">
          This invitation link is not valid any more (used, cancelled or expired): ask a team owner for a new
          one.
        </p>
      )}
    </main>
  );
}
