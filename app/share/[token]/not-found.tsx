import type { ReactNode } from "react";

/** What a revoked, expired or made-up share link shows: no hint of which project it was. */
export default function ShareLinkNotFound(): ReactNode {
  return (
    <main>
      <h1 data-testid="share-link-gone">This share link is revoked or does not exist</h1>
      <p className="muted">
        Ask whoever shared it for a new link. With an account in the project's team, sign in to see the
        project.
      </p>
    </main>
  );
}
