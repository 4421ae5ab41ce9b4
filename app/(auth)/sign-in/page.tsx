import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/auth/invitations";
import { pageUser, signInPath } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in · Obsforge" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<ReactNode> {
  const next = safeNextPath((await searchParams).next);
  if (await pageUser()) redirect(next);
  if ((await signInPath()) === "/sign-up") redirect("/sign-up");
  return (
    <main className="auth-page">
      <SignInForm next={next} />
    </main>
  );
}
