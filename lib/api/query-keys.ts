/**
 * Every React Query key, and the only place they are defined. Keys are hierarchical so that
 * invalidating `['projects', id]` also refreshes that project's revisions and validation.
 */
export const queryKeys = {
  projects: (): readonly ["projects"] => ["projects"],
  project: (id: string): readonly ["projects", string] => ["projects", id],
  /**
   * The project with only the dashboard `uid` among its dashboards: what that dashboard's page
   * reads (see projectForDashboard). Never a whole project, so it has its own key.
   */
  projectDashboard: (id: string, uid: string): readonly ["projects", string, "dashboard", string] => [
    "projects",
    id,
    "dashboard",
    uid,
  ],
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
  /** Everything read live from a project's Prometheus through the preview API. */
  preview: (id: string): readonly ["projects", string, "preview"] => ["projects", id, "preview"],
  /** One preview call (`query`, `query_range`, `label/<name>/values`, `alerts` …) with its parameters. */
  previewCall: (
    id: string,
    endpoint: string,
    params: Readonly<Record<string, string | readonly string[]>>,
  ): readonly [
    "projects",
    string,
    "preview",
    string,
    Readonly<Record<string, string | readonly string[]>>,
  ] => ["projects", id, "preview", endpoint, params],
  /** POST …/preview/lint for a set of expressions. */
  previewLint: (
    id: string,
    expressions: readonly string[],
  ): readonly ["projects", string, "preview", "lint", readonly string[]] => [
    "projects",
    id,
    "preview",
    "lint",
    expressions,
  ],
  /** One section (`dashboard:<uid>`, `settings` …) as last read or saved. */
  section: (id: string, key: string): readonly ["projects", string, "sections", string] => [
    "projects",
    id,
    "sections",
    key,
  ],
  /** One backtest of a rule group's rule (saved and/or draft) over a window: POST …/rule-groups/{name}/backtest. */
  backtest: (
    id: string,
    group: string,
    request: Readonly<Record<string, unknown>>,
  ): readonly ["projects", string, "backtest", string, Readonly<Record<string, unknown>>] => [
    "projects",
    id,
    "backtest",
    group,
    request,
  ],
  templates: (): readonly ["templates"] => ["templates"],
  /** GET /api/tokens: the signed-in user's personal API tokens. */
  apiTokens: (): readonly ["api-tokens"] => ["api-tokens"],
  /** GET …/secrets: whether each secret is set, never a value. */
  secrets: (id: string): readonly ["projects", string, "secrets"] => ["projects", id, "secrets"],
  /** GET …/share-links: the project's read-only share links, never a token. */
  shareLinks: (id: string): readonly ["projects", string, "share-links"] => ["projects", id, "share-links"],
  /** Everything read from the project's live Alertmanager (…/live/*): invalidated after an (un-)acknowledge. */
  live: (id: string): readonly ["projects", string, "live"] => ["projects", id, "live"],
  /** One live list (`alerts`, `groups`, `silences`, `rules`) with its filter. */
  liveList: (
    id: string,
    list: string,
    filter: Readonly<Record<string, string>>,
  ): readonly ["projects", string, "live", string, Readonly<Record<string, string>>] => [
    "projects",
    id,
    "live",
    list,
    filter,
  ],
  /** A receiver's rendered messages for one sample selection (…/receivers/{name}/preview). */
  notificationPreview: (
    id: string,
    receiver: string,
    selection: Readonly<Record<string, string | number>>,
  ): readonly [
    "projects",
    string,
    "receivers",
    string,
    "preview",
    Readonly<Record<string, string | number>>,
  ] => ["projects", id, "receivers", receiver, "preview", selection],
  /** A receiver's delivery log (…/receivers/{name}/deliveries): invalidated after a test send. */
  deliveries: (
    id: string,
    receiver: string,
  ): readonly ["projects", string, "receivers", string, "deliveries"] => [
    "projects",
    id,
    "receivers",
    receiver,
    "deliveries",
  ],
} as const;
