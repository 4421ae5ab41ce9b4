import type { ReactNode } from "react";
import type { Datasource } from "@/lib/model/datasource";
import type { Project } from "@/lib/model/project";
import { anchorId, SETTINGS_ANCHOR } from "./issue-anchors";

export interface SettingsSummaryProps {
  project: Project;
}

function datasourceAddress(datasource: Datasource): string {
  switch (datasource.type) {
    case "prometheus":
    case "loki":
      return datasource.url;
    case "postgres":
      return `${datasource.user}@${datasource.host}/${datasource.database}`;
    default: {
      const exhaustive: never = datasource;
      throw new Error(`unknown datasource ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Project-wide settings; issues on fields the overview does not list point here. */
export function SettingsSummary({ project }: SettingsSummaryProps): ReactNode {
  return (
    <section id={SETTINGS_ANCHOR} className="section anchor-target" data-testid="settings-summary">
      <h2>Settings</h2>
      <dl className="facts">
        <dt>Environment</dt>
        <dd data-testid="summary-environment">{project.environment}</dd>
        <dt>Application</dt>
        <dd>
          {project.app.framework === "fraiseql" ? `FraiseQL ${project.app.version}` : "generic"} on port{" "}
          {project.app.port}
          {project.app.pattern ? ` · ${project.app.pattern}` : null}
        </dd>
        <dt>Retention</dt>
        <dd data-testid="summary-retention">
          metrics {project.retention.metrics} · logs {project.retention.logs}
        </dd>
        <dt>Logs</dt>
        <dd>{project.logs.enabled ? `shipped by ${project.logs.shipper}` : "off"}</dd>
        <dt>Intervals</dt>
        <dd>
          scrape {project.scrapeInterval} · evaluation {project.evaluationInterval}
        </dd>
        <dt>Kubernetes</dt>
        <dd>
          {project.kubernetes.enabled
            ? `namespace ${project.kubernetes.namespace}, release ${project.kubernetes.releaseLabel}`
            : "off"}
        </dd>
      </dl>
      <h3 id="datasources">Datasources</h3>
      {project.datasources.length === 0 ? <p className="empty">No datasources.</p> : null}
      <ul className="plain-list">
        {project.datasources.map((datasource, index) => (
          <li
            key={anchorId(["datasources", index])}
            id={anchorId(["datasources", index])}
            className="anchor-target"
          >
            <span className="badge">{datasource.type}</span> {datasource.name}{" "}
            <code className="small">{datasourceAddress(datasource)}</code>
            {datasource.isDefault ? <span className="muted small"> (default)</span> : null}
          </li>
        ))}
      </ul>
      <h3 id="scrapeTargets">Scrape targets</h3>
      {project.scrapeTargets.length === 0 ? <p className="empty">No scrape targets.</p> : null}
      <ul className="plain-list">
        {project.scrapeTargets.map((target, index) => (
          <li
            key={anchorId(["scrapeTargets", index])}
            id={anchorId(["scrapeTargets", index])}
            className="anchor-target"
          >
            <code>{target.job}</code> {target.targets.join(", ")}
            <span className="muted small">
              {" "}
              {target.scheme === "https" ? "https " : ""}
              {target.metricsPath}
              {target.interval ? ` every ${target.interval}` : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
