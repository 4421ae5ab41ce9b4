import {
  InvalidProjectError,
  type ModelIssue,
  type Project,
  parseProjectWithSection,
  type SectionRef,
} from "../model";

/** A model issue of a section save: its path is relative to the section when `section` is true. */
export interface SectionIssue extends ModelIssue {
  section: boolean;
}

/** The project with a section replaced would not validate; paths are relative to the section. */
export class InvalidSectionError extends InvalidProjectError {
  constructor(readonly sectionIssues: SectionIssue[]) {
    super(sectionIssues);
    this.name = "InvalidSectionError";
  }
}

const ALERTING_FIELDS = new Set(["receivers", "route", "inhibitRules", "alertmanager"]);

/** Where the section sits in the project, as the start of a model path; null for top-level sections. */
function sectionPrefix(project: Project, ref: SectionRef): string | null {
  if (ref.kind === "dashboard") {
    const index = project.dashboards.findIndex((dashboard) => dashboard.uid === ref.uid);
    return `dashboards[${index === -1 ? project.dashboards.length : index}]`;
  }
  if (ref.kind === "rule-group") {
    const index = project.ruleGroups.findIndex((group) => group.name === ref.name);
    return `ruleGroups[${index === -1 ? project.ruleGroups.length : index}]`;
  }
  return null;
}

function relativeIssue(issue: ModelIssue, ref: SectionRef, prefix: string | null): SectionIssue {
  if (prefix !== null) {
    if (issue.path === prefix) return { ...issue, path: "(root)", section: true };
    for (const separator of [".", "["]) {
      if (issue.path.startsWith(prefix + separator)) {
        const rest = issue.path.slice(prefix.length + (separator === "." ? 1 : 0));
        return { ...issue, path: rest, section: true };
      }
    }
    return { ...issue, section: false };
  }
  const first = issue.path.split(/[.[]/)[0] ?? "";
  const inAlerting = ALERTING_FIELDS.has(first);
  const isTopLevelElsewhere = first === "dashboards" || first === "ruleGroups";
  const inside = ref.kind === "alerting" ? inAlerting : !inAlerting && !isTopLevelElsewhere;
  return { ...issue, section: inside };
}

/**
 * The project with the section replaced (or removed, for undefined), checked by the model.
 * Throws InvalidSectionError with every issue, paths made relative to the section where they
 * fall inside it, so an editor of that section can put each one where it belongs.
 */
export function parseWithSection(current: Project, ref: SectionRef, content: unknown): Project {
  try {
    return parseProjectWithSection(current, ref, content);
  } catch (error) {
    if (!(error instanceof InvalidProjectError)) throw error;
    const prefix = sectionPrefix(current, ref);
    throw new InvalidSectionError(error.issues.map((issue) => relativeIssue(issue, ref, prefix)));
  }
}
