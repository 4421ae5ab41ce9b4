"use client";

import { type ReactNode, useState } from "react";
import { authClient, authErrorMessage } from "@/lib/auth/client";

export interface AcceptInvitationProps {
  invitationId: string;
  teamName: string;
  role: string;
}

/** Joins the team of an invitation addressed to the signed-in account. */
export function AcceptInvitation({ invitationId, teamName, role }: AcceptInvitationProps): ReactNode {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="card auth-form">
      <h1>Join {teamName}</h1>
      <p>You are invited as {role}.</p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="button button-primary"
        onClick={async () => {
          const { error: failed } = await authClient.organization.acceptInvitation({ invitationId });
          if (failed) setError(authErrorMessage(failed, "The invitation could not be accepted."));
          else window.location.assign("/");
        }}
      >
        Accept the invitation
      </button>
    </div>
  );
}
