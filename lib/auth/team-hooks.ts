import "server-only";
import { tryGetCurrentAuthEndpointContext } from "@better-auth/core/context";
import { APIError } from "better-auth/api";
import type { Db } from "../db/client";
import { enforceRateLimit, RateLimitedError, type RateLimitRule } from "../security/rate-limit";
import { forgetRoles } from "../server/access-cache";
import type { Actor } from "../server/context";
import { recordAudit } from "../server/services/audit";
import { FIRST_TEAM_SLUG } from "./first-account";
import { clientAddress } from "./sign-in-guard";

/**
 * What the app adds to Better Auth's team endpoints, as its organization plugin's hooks (so the
 * members page, the API and a server-side call all pass through them): invitations limited per team
 * in the database (every app process counts against one limit), and invitations, role changes and
 * member removals written to the team's audit log (and a new team, in its own log), naming who did it and from which address; and
 * this process's cached roles forgotten when a team's members change.
 */

/** Invitations per team: enough for onboarding a team, not for spraying invitation links. */
export const INVITATIONS_PER_TEAM: RateLimitRule = { limit: 20, windowMs: 3600_000 };

interface Named {
  id: string;
  name?: string | null;
  email?: string | null;
}

/** The signed-in user of the team endpoint being served, and the client's address. */
function requestActor(fallback: Named): { actor: Actor; ipAddress: string | null } {
  const endpoint = tryGetCurrentAuthEndpointContext();
  const user =
    (endpoint?.context as { session?: { user?: Named } | null } | undefined)?.session?.user ?? fallback;
  const request = endpoint?.request;
  return {
    actor: { kind: "user", id: user.id, name: user.name || user.email || user.id },
    ipAddress: request ? clientAddress(request) : null,
  };
}

const whoIs = (user: Named): string => user.email || user.name || user.id;

type OrganizationHooks = NonNullable<
  NonNullable<Parameters<typeof import("better-auth/plugins").organization>[0]>["organizationHooks"]
>;

/**
 * The first team's slug is how the first sign-up claims being first (lib/auth/first-account.ts): a
 * team made by a user never takes it, whatever its name, nor is renamed to it.
 */
function refuseReservedSlug(slug: string | undefined): void {
  if (slug === FIRST_TEAM_SLUG) {
    throw new APIError("BAD_REQUEST", {
      message: `the team address "${FIRST_TEAM_SLUG}" is reserved: choose another name`,
      code: "RESERVED_SLUG",
    });
  }
}

/** A member's role changed or the member left: this process forgets cached roles, the log says so. */
async function memberChanged(
  db: Db,
  action: "team.role-change" | "team.member-remove",
  user: Named,
  teamId: string,
  detail: Record<string, string | number | boolean | null>,
): Promise<void> {
  forgetRoles(db);
  const { actor, ipAddress } = requestActor(user);
  await recordAudit({ actor, db }, { action, target: whoIs(user), teamId, detail, ipAddress });
}

export function teamHooks(db: Db): OrganizationHooks {
  return {
    beforeCreateOrganization: async ({ organization }) => refuseReservedSlug(organization.slug),
    beforeUpdateOrganization: async ({ organization }) => refuseReservedSlug(organization.slug),
    afterCreateOrganization: async ({ organization, user }) => {
      const { actor, ipAddress } = requestActor(user);
      await recordAudit(
        { actor, db },
        {
          action: "team.create",
          target: organization.name,
          teamId: organization.id,
          detail: { slug: organization.slug },
          ipAddress,
        },
      );
    },
    beforeCreateInvitation: async ({ organization }) => {
      try {
        await enforceRateLimit(db, `invite:team:${organization.id}`, INVITATIONS_PER_TEAM, {
          what: "invitations for this team",
        });
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        throw new APIError(
          "TOO_MANY_REQUESTS",
          { message: error.message, code: "TOO_MANY_INVITATIONS" },
          { "retry-after": String(error.retryAfterSeconds) },
        );
      }
    },
    afterCreateInvitation: async ({ invitation, inviter, organization }) => {
      const { actor, ipAddress } = requestActor(inviter);
      await recordAudit(
        { actor, db },
        {
          action: "team.invite",
          target: invitation.email,
          teamId: organization.id,
          detail: { role: invitation.role ?? "viewer", invitationId: invitation.id },
          ipAddress,
        },
      );
    },
    // A new member, a changed role or a removal counts at once in this process, not after the access
    // cache's few seconds (lib/server/access-cache.ts).
    afterAcceptInvitation: async () => forgetRoles(db),
    afterAddMember: async () => forgetRoles(db),
    afterUpdateMemberRole: async ({ member, previousRole, user, organization }) =>
      memberChanged(db, "team.role-change", user, organization.id, { from: previousRole, to: member.role }),
    afterRemoveMember: async ({ member, user, organization }) =>
      memberChanged(db, "team.member-remove", user, organization.id, { role: member.role }),
  };
}
