"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { authClient, authErrorMessage } from "@/lib/auth/client";
import { PasswordForm } from "./password-form";
import { SingleSignOnButton } from "./single-sign-on-button";
import "./auth.css";

export interface SignUpFormProps {
  /** Set when signing up from an invitation: its id and the invited address. */
  invitation?: { id: string; email: string; teamName: string };
  /** A fresh install: this account becomes the administrator. */
  first: boolean;
  /** Set when single sign-on is configured: the identity provider's name for its button. */
  singleSignOn?: { name: string };
}

const MIN_PASSWORD = 10;

export function SignUpForm({ invitation, first, singleSignOn }: SignUpFormProps): ReactNode {
  return (
    <PasswordForm
      title={first ? "Create the administrator account" : `Join ${invitation?.teamName ?? "Obsforge"}`}
      submitLabel="Create account"
      fields={[
        { name: "name", label: "Your name", type: "text", autoComplete: "name" },
        {
          name: "email",
          label: "E-mail address",
          type: "email",
          autoComplete: "username",
          ...(invitation ? { fixed: invitation.email } : {}),
        },
        { name: "password", label: "Password", type: "password", autoComplete: "new-password" },
      ]}
      onSubmit={async ({ name = "", email = "", password = "" }) => {
        if (!name.trim()) return "Enter your name: it names you in the revision history.";
        if (!email.includes("@")) return "Enter an e-mail address.";
        if (password.length < MIN_PASSWORD)
          return `Choose a password of at least ${MIN_PASSWORD} characters.`;
        const { error } = await authClient.signUp.email({ name: name.trim(), email, password });
        if (error) return authErrorMessage(error, "Signing up failed; try again.");
        if (invitation) {
          const accepted = await authClient.organization.acceptInvitation({ invitationId: invitation.id });
          if (accepted.error)
            return authErrorMessage(accepted.error, "The invitation could not be accepted.");
        }
        window.location.assign("/");
        return null;
      }}
      footer={
        <>
          {singleSignOn ? (
            <SingleSignOnButton
              name={singleSignOn.name}
              verb="Sign up"
              // Signed up, the invitation page accepts the invitation.
              next={invitation ? `/invitations/${encodeURIComponent(invitation.id)}` : "/"}
            />
          ) : null}
          {first ? (
            <p className="muted small">
              The first account of an install is its administrator and owns the first team, which holds every
              existing project.
            </p>
          ) : (
            <p className="muted small">
              Already have an account? <Link href="/sign-in">Sign in</Link>
            </p>
          )}
        </>
      }
    />
  );
}
