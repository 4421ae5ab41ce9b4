"use client";

import Link from "next/link";
import type { ReactNode } from "react";

export interface RouteErrorProps {
  error: unknown;
  retry: () => void;
  what: string;
}

/** The body of every error.tsx: what failed, a retry, and a way back. */
export function RouteError({ error, retry, what }: RouteErrorProps): ReactNode {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <main>
      <div className="notice notice-error" role="alert" data-testid="route-error">
        <strong>Could not show {what}.</strong> {message}
      </div>
      <p className="actions">
        <button type="button" className="button button-primary" onClick={() => retry()}>
          Try again
        </button>
        <Link className="button" href="/">
          All projects
        </Link>
      </p>
    </main>
  );
}
