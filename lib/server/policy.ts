import "server-only";
import { type ProjectAction, roleAllows } from "../auth/access";
import { NotFoundError } from "../db/errors";
import { cachedRole } from "./access-cache";
import type { ServiceContext } from "./context";
import { HttpError } from "./http";

/**
 * Who may do what to a project: its team's members, by role (lib/auth/access.ts): viewers look,
 * preview and download bundles; editors also change; owners also manage secrets, share links and
 * deletion. A project of a team the actor is not in answers 404, as one that does not exist: its
 * existence is not revealed. One module, so every check reads the same rules.
 */

export type { ProjectAction };

/** The teams the actor is a member of, with their role in each. */
export async function memberships(context: ServiceContext): Promise<{ teamId: string; role: string }[]> {
  if (context.actor.kind !== "user") return [];
  const rows = await context.db.prisma.member.findMany({
    where: { userId: context.actor.id },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true, role: true },
  });
  return rows.map((row) => ({ teamId: row.organizationId, role: row.role }));
}

/** A user's standing toward a project: none (no such project, or of a team they are not in), any role, or a role. */
type ProjectStanding = { kind: "none" } | { kind: "teamless" } | { kind: "member"; role: string };

async function projectStanding(
  context: ServiceContext,
  userId: string,
  projectId: string,
): Promise<ProjectStanding> {
  const project = await context.db.prisma.project.findUnique({
    where: { id: projectId },
    select: { teamId: true },
  });
  if (!project) return { kind: "none" };
  // A project without a team exists only before the first account made the first team.
  if (project.teamId === null) return { kind: "teamless" };
  const member = await context.db.prisma.member.findFirst({
    where: { userId, organizationId: project.teamId },
    select: { role: true },
  });
  return member ? { kind: "member", role: member.role } : { kind: "none" };
}

/**
 * Throws 401 when signed out, 404 when the project is not visible to the actor, 403 when the role
 * forbids `action`. The standing is kept for up to ACCESS_CACHE_MS (lib/server/access-cache.ts):
 * a removed or demoted member keeps their access that long in another app process.
 */
export async function authorizeProject(
  context: ServiceContext,
  projectId: string,
  action: ProjectAction,
): Promise<void> {
  if (context.actor.kind === "share") {
    // A share link reads its own project and nothing else: another project is "not found" (as for
    // another team), any change is refused.
    if (context.actor.projectId !== projectId) throw new NotFoundError(`no project "${projectId}"`);
    if (action !== "read") {
      throw new HttpError(403, `a share link is read-only: it may not ${ACTION_WORDS[action]}`);
    }
    return;
  }
  const { actor } = context;
  if (actor.kind !== "user") throw new HttpError(401, "sign in first");
  const standing = await cachedRole(context.db, actor.id, projectId, () =>
    projectStanding(context, actor.id, projectId),
  );
  if (standing.kind === "teamless") return;
  if (standing.kind === "none") throw new NotFoundError(`no project "${projectId}"`);
  if (!roleAllows(standing.role, action)) {
    throw new HttpError(
      403,
      `your role in this project's team (${standing.role}) may not ${ACTION_WORDS[action]}`,
    );
  }
}

const ACTION_WORDS: Record<ProjectAction, string> = {
  read: "see it",
  write: "change it",
  delete: "delete it",
  secrets: "change its secrets",
  share: "manage its share links",
};

/** The projects the actor may see (those of their teams, and any without a team), each with its team's name. */
export async function visibleProjects(context: ServiceContext): Promise<Map<string, string | null>> {
  const teams = (await memberships(context)).map((one) => one.teamId);
  const rows = await context.db.prisma.project.findMany({
    where: { OR: [{ teamId: { in: teams } }, { teamId: null }] },
    select: { id: true, team: { select: { name: true } } },
  });
  return new Map(rows.map((row) => [row.id, row.team?.name ?? null]));
}

/** The teams where the actor may create and change projects (editor or owner), in joining order, named. */
export async function writableTeams(context: ServiceContext): Promise<{ id: string; name: string }[]> {
  if (context.actor.kind !== "user") return [];
  const rows = await context.db.prisma.member.findMany({
    where: { userId: context.actor.id },
    orderBy: { createdAt: "asc" },
    select: { role: true, organization: { select: { id: true, name: true } } },
  });
  return rows.filter((row) => roleAllows(row.role, "write")).map((row) => row.organization);
}

/**
 * The team a new project goes to: the one asked for, when the actor may change projects there;
 * else the actor's first team where they may. A team the actor is not in is refused the same way
 * as one where they only look (403), so the answer does not tell whether it exists.
 */
export async function teamForNewProject(context: ServiceContext, teamId?: string): Promise<string> {
  const teams = (await memberships(context)).filter((one) => roleAllows(one.role, "write"));
  if (teamId !== undefined) {
    if (!teams.some((one) => one.teamId === teamId)) {
      throw new HttpError(
        403,
        `you may not create projects in team "${teamId}": only its editors and owners may`,
      );
    }
    return teamId;
  }
  const team = teams[0];
  if (!team)
    throw new HttpError(
      403,
      "you are in no team where you may create projects (an owner can make you an editor)",
    );
  return team.teamId;
}

// Requests under /api/projects/{id}/ that only read or preview, whatever their method: a viewer may
// make them (preview calls, validation, rule tests, backtests, notification previews).
const PREVIEW_PATH =
  /^\/api\/projects\/[^/]+\/(preview(\/.*)?|validation|rule-tests|rule-groups\/[^/]+\/backtest(\/test-case)?|receivers\/[^/]+\/preview|alerting\/import)$/;
const SECRETS_PATH = /^\/api\/projects\/[^/]+\/secrets(\/[^/]+)?$/;
const PROJECT_PATH = /^\/api\/projects\/[^/]+$/;
const SHARE_LINKS_PATH = /^\/api\/projects\/[^/]+\/share-links(\/[^/]+)?$/;

/** What an API request to /api/projects/{id}/… does to the project, for authorizeProject. */
export function projectActionOf(method: string, pathname: string): ProjectAction {
  // Listing share links is for owners too: a link's existence and label are theirs to see.
  if (SHARE_LINKS_PATH.test(pathname)) return "share";
  if (method === "GET" || method === "HEAD" || PREVIEW_PATH.test(pathname)) return "read";
  if (SECRETS_PATH.test(pathname)) return "secrets";
  if (method === "DELETE" && PROJECT_PATH.test(pathname)) return "delete";
  return "write";
}
