import { formatIssue, type ModelIssue, type SectionRef, sectionKey } from "../model";

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/**
 * Who saved the version a stale save ran into, and when (from its revision), so the conflict
 * review can name them. `author` is null for saves made before accounts.
 */
export interface SavedBy {
  version: number;
  author: string | null;
  /** ISO time of that version's last save. */
  at: string;
}

/** The project was saved by someone else since `baseVersion` was read; nothing was written. */
export class ConflictError extends Error {
  constructor(
    readonly projectId: string,
    readonly baseVersion: number,
    readonly currentVersion: number,
    readonly savedBy?: SavedBy,
  ) {
    super(
      `project ${projectId} is at version ${currentVersion}, not ${baseVersion}: it was changed since it was loaded`,
    );
    this.name = "ConflictError";
  }
}

/** A stored row that no longer passes the model's validation: never handed out as a project. */
export class CorruptProjectError extends Error {
  constructor(
    readonly projectId: string,
    readonly version: number,
    readonly issues: ModelIssue[],
  ) {
    const first = issues
      .filter((issue) => issue.severity === "error")
      .slice(0, 3)
      .map(formatIssue);
    super(
      `stored project ${projectId} (version ${version}) does not validate against the model: ${first.join("; ")}`,
    );
    this.name = "CorruptProjectError";
  }
}

/**
 * A save of one section edited from `baseVersion`, when that section changed since: nothing was
 * written; `current` is the section as stored now, for the review that merges the two.
 */
export class SectionConflictError extends Error {
  constructor(
    readonly projectId: string,
    readonly section: SectionRef,
    readonly baseVersion: number,
    readonly currentVersion: number,
    readonly current: unknown,
    /** Who last changed this section (not necessarily who saved `currentVersion`). */
    readonly savedBy?: SavedBy,
  ) {
    super(
      `${sectionKey(section)} changed since version ${baseVersion}: the project is now at version ${currentVersion}`,
    );
    this.name = "SectionConflictError";
  }
}

/** A dashboard uid or rule group name that the project already has. */
export class SectionExistsError extends Error {
  constructor(
    readonly projectId: string,
    readonly section: SectionRef,
  ) {
    super(
      section.kind === "dashboard"
        ? `the project already has a dashboard with uid "${section.uid}"`
        : `the project already has ${sectionKey(section)}`,
    );
    this.name = "SectionExistsError";
  }
}

/** Prisma's codes for "the database cannot be reached or did not answer" (not for a bad query). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapter's error kinds for the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/** Node's socket errors, as pg throws them when it opens a connection (getDb's migrations). */
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL's SQLSTATEs for a server going away or not taking connections: class 08 (connection
 * exception), 57P01-57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections).
 */
function unavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === "53300";
}

/**
 * Whether `error` says the database is down or unreachable (a restart, a failover, a full pool)
 * rather than that a query was wrong: the API answers it 503 with a retry hint, not 500. Walks the
 * error's causes, Prisma's driver adapter error and AggregateError's errors, as each wraps the next.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, kind, cause, meta, errors, originalCode } = current as Record<string, unknown>;
    for (const value of [code, originalCode]) {
      if (typeof value !== "string") continue;
      if (UNAVAILABLE_PRISMA_CODES.has(value) || UNAVAILABLE_SOCKET_CODES.has(value)) return true;
      if (unavailableSqlState(value)) return true;
    }
    if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
    // pg's own words when the server closes a connection it was using, or when a transaction goes
    // on on a client whose connection already died (a restart mid-transaction); they carry no code.
    if (
      current instanceof Error &&
      /^(Connection terminated( unexpectedly)?|Client has encountered a connection error and is not queryable)$/.test(
        current.message,
      )
    )
      return true;
    queue.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return false;
}
