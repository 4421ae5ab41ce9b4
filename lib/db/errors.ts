import { formatIssue, type ModelIssue, type SectionRef, sectionKey } from "../model";

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The project was saved by someone else since `baseVersion` was read; nothing was written. */
export class ConflictError extends Error {
  constructor(
    readonly projectId: string,
    readonly baseVersion: number,
    readonly currentVersion: number,
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
