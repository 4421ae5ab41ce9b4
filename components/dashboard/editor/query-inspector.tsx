"use client";

import { type ReactNode, useState } from "react";
import type { Panel } from "@/lib/model/panel";
import { usePanelData } from "../data/use-panel-data";
import { contextOrPlaceholder, useQueryContext } from "../data/use-query-context";
import { useProjectId } from "../store/store-provider";

export interface QueryInspectorProps {
  panel: Exclude<Panel, { type: "row" }>;
  /** The width the panel draws at: the same as the panel's, so the same (cached) request is shown. */
  width: number;
}

function formatParams(params: Record<string, string | readonly string[]>): string {
  return Object.entries(params)
    .flatMap(([name, value]) =>
      (typeof value === "string" ? [value] : [...value]).map((item) => `${name}=${item}`),
    )
    .join("\n");
}

/** The answer as JSON, written out only once opened: a range result can be large. */
function RawResponse({ raw }: { raw: unknown }): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <details className="dash-inspector-raw" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary data-testid="inspector-response-toggle">Raw response</summary>
      {open ? <pre data-testid="inspector-response">{JSON.stringify(raw, null, 2)}</pre> : null}
    </details>
  );
}

/** Per query: the request the preview API got and the one it sent Prometheus, the resolved query, the raw answer. */
export function QueryInspector({ panel, width }: QueryInspectorProps): ReactNode {
  const projectId = useProjectId();
  const context = useQueryContext(width);
  const ready = context.ready;
  const data = usePanelData(projectId, panel, contextOrPlaceholder(context, width), {
    enabled: ready && panel.type !== "alertlist",
  });
  if (panel.type === "alertlist") {
    return (
      <p className="muted" data-testid="query-inspector">
        The alert list reads GET /api/projects/{projectId}/preview/alerts (Prometheus /api/v1/alerts).
      </p>
    );
  }
  return (
    <div className="dash-inspector" data-testid="query-inspector">
      {data.targets.map((result) => (
        <section
          key={result.refId}
          className="dash-inspector-target"
          data-testid="inspector-target"
          data-ref-id={result.refId}
        >
          <h4>
            Query {result.refId} {result.pending ? <span className="muted small">(loading…)</span> : null}
          </h4>
          {result.plan.kind === "preview" ? (
            <>
              <div className="dash-inspector-label">Preview request</div>
              <pre data-testid="inspector-preview-request">
                POST /api/projects/{projectId}/preview/{result.plan.endpoint}
                {"\n"}
                {formatParams(result.plan.params)}
              </pre>
            </>
          ) : (
            <p className="muted">{result.plan.message}</p>
          )}
          {result.exchange ? (
            <>
              <div className="dash-inspector-label">Request to Prometheus</div>
              <pre data-testid="inspector-request">
                {result.exchange.response.request.method} {result.exchange.response.request.url}
                {"\n"}
                {formatParams(result.exchange.response.request.params)}
              </pre>
              <div className="dash-inspector-label">Resolved query</div>
              <pre data-testid="inspector-resolved-query">
                {result.exchange.response.resolvedQuery ?? result.expr}
              </pre>
              {result.exchange.response.stepSeconds !== undefined ? (
                <p className="small muted">
                  Step {result.exchange.response.stepSeconds}s · from {result.exchange.response.source}
                  {result.exchange.response.warnings.length > 0
                    ? ` · warnings: ${result.exchange.response.warnings.join("; ")}`
                    : ""}
                </p>
              ) : null}
              <RawResponse raw={result.exchange.raw} />
            </>
          ) : null}
          {result.error && result.plan.kind === "preview" ? (
            <p className="dash-panel-error" data-testid="inspector-error">
              {result.error.message}
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
