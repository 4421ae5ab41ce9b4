import { type ReactNode, useEffect, useId } from "react";
import type { FieldIssue } from "@/components/form/field-issues";
import { TextField } from "@/components/form/text-field";
import { previewUrlFieldId } from "@/components/preview/connection-banner";
import type { DatasourceType } from "@/lib/model/datasource";
import { ConnectionTest } from "./connection-test";
import type { DatasourceDraft } from "./settings-draft";

const TYPE_LABELS: Readonly<Record<DatasourceType, string>> = {
  prometheus: "Prometheus",
  loki: "Loki",
  postgres: "PostgreSQL",
};

export interface DatasourceFieldsProps {
  projectId: string;
  datasource: DatasourceDraft;
  /** The server's issues for one field of this datasource, e.g. "previewUrl". */
  issuesAt: (field: keyof DatasourceDraft) => FieldIssue[];
  onChange: (change: Partial<DatasourceDraft>) => void;
}

/**
 * One datasource's fields. A Prometheus has two URLs: `url` is written into the bundle, for
 * Grafana inside the stack's network; `previewUrl` is only for Obsforge's own server, which draws
 * the designer's live previews and often cannot resolve the stack's host names.
 */
/**
 * Brings a field the address points at (`#datasource-<uid>-preview-url`, from the designer's
 * connection banner) into view and focus: the form renders after the project loads, too late for
 * the browser's own jump.
 */
function useFocusFromAddress(id: string): void {
  useEffect(() => {
    if (window.location.hash !== `#${id}`) return;
    const field = document.getElementById(id);
    field?.scrollIntoView({ block: "center" });
    field?.focus();
  }, [id]);
}

export function DatasourceFields({
  projectId,
  datasource,
  issuesAt,
  onChange,
}: DatasourceFieldsProps): ReactNode {
  const headingId = useId();
  const testId = `settings-datasource-${datasource.uid}`;
  const previewUrlId = previewUrlFieldId(datasource.uid);
  useFocusFromAddress(previewUrlId);
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId}>
        {TYPE_LABELS[datasource.type]} <code className="muted small">{datasource.uid}</code>
      </h3>
      <div className="field-row">
        <TextField
          label="Name"
          value={datasource.name}
          onChange={(name) => onChange({ name })}
          issues={issuesAt("name")}
          hint="As Grafana lists it."
          testId={`${testId}-name`}
        />
        {datasource.type === "postgres" ? (
          <>
            <TextField
              label="host:port"
              value={datasource.host}
              onChange={(host) => onChange({ host })}
              issues={issuesAt("host")}
              testId={`${testId}-host`}
            />
            <TextField
              label="Database"
              value={datasource.database}
              onChange={(database) => onChange({ database })}
              issues={issuesAt("database")}
              testId={`${testId}-database`}
            />
            <TextField
              label="User"
              value={datasource.user}
              onChange={(user) => onChange({ user })}
              issues={issuesAt("user")}
              testId={`${testId}-user`}
            />
          </>
        ) : (
          <TextField
            label="URL"
            value={datasource.url}
            onChange={(url) => onChange({ url })}
            issues={issuesAt("url")}
            hint="Written into the bundle: where Grafana reaches it inside the stack's network."
            testId={`${testId}-url`}
            className="wide"
          />
        )}
        {datasource.type === "prometheus" ? (
          <TextField
            label="Preview URL"
            value={datasource.previewUrl}
            onChange={(previewUrl) => onChange({ previewUrl })}
            issues={issuesAt("previewUrl")}
            placeholder="none"
            hint="Only for live previews here: where Obsforge's server reaches it. Leave empty when the URL works from there too."
            testId={`${testId}-preview-url`}
            className="wide"
            id={previewUrlId}
          />
        ) : null}
      </div>
      {datasource.type === "prometheus" ? (
        <ConnectionTest
          projectId={projectId}
          url={datasource.url}
          previewUrl={datasource.previewUrl}
          testId={testId}
        />
      ) : null}
    </section>
  );
}
