/**
 * Every React Query key, and the only place they are defined. Keys are hierarchical so that
 * invalidating `['projects', id]` also refreshes that project's revisions and validation.
 */
export const queryKeys = {
  projects: (): readonly ["projects"] => ["projects"],
  project: (id: string): readonly ["projects", string] => ["projects", id],
  validation: (id: string): readonly ["projects", string, "validation"] => ["projects", id, "validation"],
  /** One version's issues, so a save shows the new version's issues without a stale flash. */
  validationAt: (id: string, version: number): readonly ["projects", string, "validation", number] => [
    "projects",
    id,
    "validation",
    version,
  ],
  revisions: (id: string): readonly ["projects", string, "revisions"] => ["projects", id, "revisions"],
  revision: (id: string, version: number): readonly ["projects", string, "revisions", number] => [
    "projects",
    id,
    "revisions",
    version,
  ],
  templates: (): readonly ["templates"] => ["templates"],
} as const;
