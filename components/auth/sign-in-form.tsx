"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { authClient, authErrorMessage } from "@/lib/auth/client";
import { PasswordForm } from "./password-form";
import { SingleSignOnButton } from "./single-sign-on-button";
import "./auth.css";

export interface SignInFormProps {
  /** Where to go once signed in (a path of this app). */
  next: string;
  /** Set when single sign-on is configured: the identity provider's name for its button. */
  singleSignOn?: { name: string };
}

export function SignInForm({ next, singleSignOn }: SignInFormProps): ReactNode {
  return (
    <PasswordForm
      title="Sign in to Obsforge"
      submitLabel="Sign in"
      fields={[
        { name: "email", label: "E-mail address", type: "email", autoComplete: "username" },
        { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
      ]}
      onSubmit={async ({ email = "", password = "" }) => {
        if (!email || !password) return "Enter your e-mail address and password.";
        const { error } = await authClient.signIn.email({ email, password });
        if (error) {
          return error.status === 401
            ? "Wrong e-mail address or password."
            : authErrorMessage(error, "Signing in failed; try again.");
        }
        // A full navigation: the header and every server component render again signed in.
        window.location.assign(next);
        return null;
      }}
      footer={
        <>
          {singleSignOn ? <SingleSignOnButton name={singleSignOn.name} next={next} /> : null}
          <p className="muted small">
            New here? Accounts are made from an invitation link a team owner gives you.{" "}
            <Link href="/sign-up">Sign up</Link>
          </p>
        </>
      }
    />
  );
}
