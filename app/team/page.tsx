import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TeamAudit } from "@/components/auth/team-audit";
import { TeamCreateForm } from "@/components/auth/team-create-form";
import { TeamMembers } from "@/components/auth/team-members";
import { pageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listAudit } from "@/lib/server/services/audit";

export const metadata: Metadata = { title: "Team · Obsforge" };
export const dynamic = "force-dynamic";

/**
 * The signed-in user's teams, each with its members, and a form to create another (the root layout
 * has checked the session).
 */
export default async function TeamPage(): Promise<ReactNode> {
  const user = await pageUser();
  if (!user) return null;
  const db = await getDb();
  const memberships = await db.prisma.member.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true, role: true, organization: { select: { name: true } } },
  });
  const isOwner = (role: string): boolean => role.split(",").includes("owner");
  // Owners read their team's audit log (the last 100 entries).
  const context = { actor: { kind: "user" as const, id: user.id, name: user.name }, db };
  const audits = await Promise.all(
    memberships.map((membership) =>
      isOwner(membership.role) ? listAudit(context, { teamId: membership.organizationId, limit: 100 }) : null,
    ),
  );
  return (
    <main>
      {memberships.length === 0 ? <p className="empty">You are in no team yet.</p> : null}
      {memberships.map((membership, index) => {
        const audit = audits[index];
        return (
          <div key={membership.organizationId}>
            <TeamMembers teamId={membership.organizationId} owner={isOwner(membership.role)} />
            {audit ? <TeamAudit teamName={membership.organization.name} entries={audit} /> : null}
          </div>
        );
      })}
      <TeamCreateForm />
    </main>
  );
}
