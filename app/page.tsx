import Link from "next/link";
import type { ReactNode } from "react";
import { NewProjectPanel } from "@/components/projects/new-project-panel";
import { ProjectsList } from "@/components/projects/projects-list";

export default function HomePage(): ReactNode {
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
      <NewProjectPanel />
      <ProjectsList />
    </main>
  );
}
