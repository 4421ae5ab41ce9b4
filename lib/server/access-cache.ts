import "server-only";

/**
 * Who a request is and what role it has in a project, remembered per process for ACCESS_CACHE_MS.
 * Without it every API request read the session, the project's team and the member's role from the
 * database before doing anything: three reads, several milliseconds on the embedded database, and
 * the live preview sends hundreds of requests per dashboard. So a revoked session or a removed or
 * demoted member keeps its access in another app process for at most ACCESS_CACHE_MS; in the
 * process that signs out or changes the team the entries are forgotten at once (lib/auth/auth.ts
 * calls forgetSessions / forgetRoles from its hooks). Only answers are kept, never a failure (a
 * database that is down is asked again).
 */

/** How long a looked-up session or role serves further requests. */
export const ACCESS_CACHE_MS = 2000;

/** A map from keys to values looked up at most `ttlMs` ago; `now` is a clock in milliseconds. */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
    private readonly maxEntries = 10_000,
  ) {}

  /** The value for `key` looked up less than ttlMs ago, or `load()`'s (shared by concurrent callers). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.expires > now) return entry.value;
    if (entry) this.entries.delete(key);
    // Expired entries are dropped as they are met; a full map starts again rather than growing.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(key, { value, expires: now + this.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

const sessions = new WeakMap<object, ExpiringCache<unknown>>();
const roles = new WeakMap<object, ExpiringCache<unknown>>();

let clock: () => number = () => performance.now();

function cacheOf<V>(caches: WeakMap<object, ExpiringCache<unknown>>, db: object): ExpiringCache<V> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new ExpiringCache<unknown>(ACCESS_CACHE_MS, () => clock());
    caches.set(db, cache);
  }
  return cache as ExpiringCache<V>;
}

/**
 * The actor of a request with these credentials (Cookie and Authorization headers) on database
 * `db`, as `load` finds it at most ACCESS_CACHE_MS ago. Requests without credentials are not kept.
 */
export function cachedActor<A>(db: object, request: Request, load: () => Promise<A>): Promise<A> {
  const cookie = request.headers.get("cookie") ?? "";
  const authorization = request.headers.get("authorization") ?? "";
  if (cookie === "" && authorization === "") return load();
  return cacheOf<A>(sessions, db).get(`${authorization}\n${cookie}`, load);
}

/** A user's role in a project (whatever `load` answers) on database `db`, at most ACCESS_CACHE_MS old. */
export function cachedRole<R>(
  db: object,
  userId: string,
  projectId: string,
  load: () => Promise<R>,
): Promise<R> {
  return cacheOf<R>(roles, db).get(`${userId}\n${projectId}`, load);
}

/** Forgets every session this process knows on `db` (a session ended here). */
export function forgetSessions(db: object): void {
  sessions.get(db)?.clear();
}

/** Forgets every role this process knows on `db` (a team's members or roles changed here). */
export function forgetRoles(db: object): void {
  roles.get(db)?.clear();
}

/** Tests: the clock the caches read (performance.now() by default); returns the previous one. */
export function setAccessCacheClock(next: () => number): () => number {
  const previous = clock;
  clock = next;
  return previous;
}
