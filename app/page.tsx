import Link from "next/link";
import type { ReactNode } from "react";
import { NewProjectPanel } from "@/components/projects/new-project-panel";
import { ProjectsList } from "@/components/projects/projects-list";
import { pageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { writableTeams } from "@/lib/server/policy";

export const dynamic = "force-dynamic";

export default async function HomePage(): Promise<ReactNode> {
  // The teams a new project may go to (the root layout has checked the session).
  const user = await pageUser();
  const teams = user
    ? await writableTeams({ actor: { kind: "user", id: user.id, name: user.name }, db: await getDb() })
    : [];
  return (
    <main>
      <div className="page-title-row">
        <div>
          <h1>Projects</h1>
          <p className="muted">
            Each project is a set of Grafana dashboards, Prometheus alert rules and Alertmanager routing, and
            downloads as a bundle that promtool, amtool and Grafana accept. Browse what the levels include in
            the <Link href="/catalog">catalog</Link>.
          </p>
        </div>
      </div>
      <NewProjectPanel teams={teams} />
      <ProjectsList />
    </main>
  );
}
