import type { ReactNode } from "react";

/** "3 problems" beside an item of an editor's list (a rule, a receiver, a route); nothing at 0. */
export function ProblemCountBadge({ count }: { count: number }): ReactNode {
  if (count <= 0) return null;
  return (
    <span className="badge alerts-error-count">
      {count} problem{count === 1 ? "" : "s"}
    </span>
  );
}
