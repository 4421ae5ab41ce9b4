"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { authClient, authErrorMessage } from "@/lib/auth/client";
import "./auth.css";

/**
 * A team's address: its name in lower-case words joined by dashes, with a random suffix so two
 * teams of one name (in different companies' hands, or made twice) never collide, and so a name
 * never yields the first team's reserved slug (the server refuses that one anyway).
 */
export function teamSlug(name: string, suffix: string): string {
  const words = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${words || "team"}-${suffix}`;
}

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Makes a new team; its creator becomes its owner (Better Auth's organization plugin, creatorRole). */
export function TeamCreateForm(): ReactNode {
  const router = useRouter();
  const formId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (name === "") return setError("Give the team a name.");
    if (name.length > 100) return setError("A team's name has at most 100 characters.");
    setPending(true);
    const { error: failed } = await authClient.organization.create({
      name,
      slug: teamSlug(name, randomSuffix()),
      // The active team is not used by the app; the one being worked in stays as it was.
      keepCurrentActiveOrganization: true,
    });
    setPending(false);
    if (failed) return setError(authErrorMessage(failed, "The team could not be created."));
    setError(null);
    form.reset();
    // The page lists the user's teams on the server: read them again, the new one included.
    router.refresh();
  }

  return (
    <form className="card" onSubmit={create} aria-labelledby={`${formId}-title`} noValidate>
      <h2 id={`${formId}-title`}>Create a team</h2>
      <div className="field">
        <label className="field-label" htmlFor={`${formId}-name`}>
          Team name
        </label>
        <input id={`${formId}-name`} name="name" maxLength={100} required />
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? "Creating…" : "Create team"}
      </button>
    </form>
  );
}
