import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/auth/invitations";
import { oidcSettings, signInErrorMessage } from "@/lib/auth/oidc";
import { pageUser, signInPath } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in · Obsforge" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<ReactNode> {
  const query = await searchParams;
  const next = safeNextPath(query.next);
  // A refused single sign-on comes back here with Better Auth's error code; only known codes get
  // our sentence (lib/auth/oidc.ts), never text from the URL.
  const refusal = signInErrorMessage(Array.isArray(query.error) ? query.error[0] : query.error);
  if (await pageUser()) redirect(next);
  if (!refusal && (await signInPath()) === "/sign-up") redirect("/sign-up");
  const oidc = oidcSettings(env());
  return (
    <main className="auth-page">
      {refusal ? (
        <p className="notice notice-error" role="alert">
          {refusal}
        </p>
      ) : null}
      <SignInForm next={next} {...(oidc ? { singleSignOn: { name: oidc.name } } : {})} />
    </main>
  );
}
