import type { ReactNode } from "react";

export interface PageLoadingProps {
  label: string;
}

/** Placeholder shown by loading.tsx files and while a page's first query is in flight. */
export function PageLoading({ label }: PageLoadingProps): ReactNode {
  return (
    <div className="loading" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
