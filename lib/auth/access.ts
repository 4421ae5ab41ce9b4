import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";

/**
 * What a team role may do, in Better Auth's access control (its organization plugin checks the
 * member, invitation and team statements; lib/server/policy.ts checks `project`).
 * - viewer: looks at projects, previews them and downloads bundles;
 * - editor: also changes them;
 * - owner: also manages members, secrets, share links and deletion.
 */
export const statements = {
  ...defaultStatements,
  project: ["read", "write", "delete", "secrets", "share"],
} as const;

export const accessControl = createAccessControl(statements);

export type ProjectAction = (typeof statements.project)[number];

export const viewerRole = accessControl.newRole({ project: ["read"] });
export const editorRole = accessControl.newRole({ project: ["read", "write"] });
export const ownerRole = accessControl.newRole({
  organization: ["update", "delete"],
  member: ["create", "update", "delete"],
  invitation: ["create", "cancel"],
  team: ["create", "update", "delete"],
  ac: ["create", "read", "update", "delete"],
  project: ["read", "write", "delete", "secrets", "share"],
});

export const TEAM_ROLES = ["owner", "editor", "viewer"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const roles = { owner: ownerRole, editor: editorRole, viewer: viewerRole };

export function isTeamRole(value: string): value is TeamRole {
  return (TEAM_ROLES as readonly string[]).includes(value);
}

/** Whether `role` (a member's, possibly several comma-separated as Better Auth allows) may do `action`. */
export function roleAllows(role: string, action: ProjectAction): boolean {
  return role
    .split(",")
    .map((one) => one.trim())
    .some((one) => isTeamRole(one) && roles[one].authorize({ project: [action] }).success);
}
