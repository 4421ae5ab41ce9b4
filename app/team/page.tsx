import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TeamMembers } from "@/components/auth/team-members";
import { pageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Team · Obsforge" };
export const dynamic = "force-dynamic";

/** The signed-in user's teams, each with its members (the root layout has checked the session). */
export default async function TeamPage(): Promise<ReactNode> {
  const user = await pageUser();
  if (!user) return null;
  const db = await getDb();
  const memberships = await db.prisma.member.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true, role: true },
  });
  return (
    <main>
      {memberships.length === 0 ? <p className="empty">You are in no team yet.</p> : null}
      {memberships.map((membership) => (
        <TeamMembers
          key={membership.organizationId}
          teamId={membership.organizationId}
          owner={membership.role.split(",").includes("owner")}
        />
      ))}
    </main>
  );
}
