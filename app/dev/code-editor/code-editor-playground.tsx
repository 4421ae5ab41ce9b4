"use client";

import { type ReactNode, useMemo, useState } from "react";
import { type JsonEditorMarker, LazyJsonEditor, LazyPromqlEditor } from "@/components/code-editor";
import { checkDashboardPromql } from "@/lib/promql/parse";
import { AddedEditors } from "./added-editors";

const SAMPLE_PANEL = JSON.stringify(
  {
    title: "Request rate",
    type: "timeseries",
    gridPos: { x: 0, y: 0, w: 12, h: 8 },
    targets: [{ refId: "A", expr: "sum by (job) (rate(prometheus_http_requests_total[5m]))" }],
  },
  null,
  2,
);

/** A few of the designer's checks, enough to show markers at model paths. */
function panelMarkers(text: string): JsonEditorMarker[] {
  let panel: unknown;
  try {
    panel = JSON.parse(text);
  } catch {
    return [];
  }
  if (!panel || typeof panel !== "object")
    return [{ path: "(root)", message: "a panel is an object", severity: "error" }];
  const markers: JsonEditorMarker[] = [];
  const { gridPos, targets } = panel as { gridPos?: { w?: unknown }; targets?: unknown };
  if (typeof gridPos?.w === "number" && gridPos.w > 24) {
    markers.push({ path: "gridPos.w", message: "a panel is at most 24 columns wide", severity: "error" });
  }
  if (Array.isArray(targets)) {
    targets.forEach((target: { expr?: unknown }, index) => {
      if (typeof target?.expr !== "string") return;
      const problem = checkDashboardPromql(target.expr);
      if (problem)
        markers.push({ path: `targets[${index}].expr`, message: problem.message, severity: "warning" });
    });
  }
  return markers;
}

export function CodeEditorPlayground({
  projectId,
  initiallyShown,
}: {
  projectId: string;
  initiallyShown: boolean;
}): ReactNode {
  const [shown, setShown] = useState(initiallyShown);
  const [json, setJson] = useState(SAMPLE_PANEL);
  const [query, setQuery] = useState("sum by (job) (rate(prometheus_http_requests_total[5m]))");
  const [line, setLine] = useState("up");
  const [submits, setSubmits] = useState(0);
  const markers = useMemo(() => panelMarkers(json), [json]);

  if (!shown) {
    return (
      <button type="button" className="button" onClick={() => setShown(true)}>
        Show editors
      </button>
    );
  }
  return (
    <div style={{ display: "grid", gap: 16 }}>
      <section>
        <h2>Panel JSON</h2>
        <LazyJsonEditor
          value={json}
          onChange={setJson}
          markers={markers}
          height={260}
          ariaLabel="Panel JSON"
          testId="json-editor"
        />
        <button type="button" onClick={() => setJson(SAMPLE_PANEL)}>
          Reset JSON
        </button>
        <pre data-testid="json-value">{json}</pre>
      </section>
      <section>
        <h2>PromQL</h2>
        <LazyPromqlEditor
          value={query}
          onChange={setQuery}
          projectId={projectId}
          variables={["instance", "job"]}
          ariaLabel="PromQL query"
          testId="promql-editor"
          height={140}
          onSubmit={() => setSubmits((count) => count + 1)}
        />
        <button type="button" onClick={() => setQuery("up")}>
          Set query to up
        </button>
        <pre data-testid="promql-value">{query}</pre>
      </section>
      <section>
        <h2>One-line PromQL</h2>
        <LazyPromqlEditor
          value={line}
          onChange={setLine}
          projectId={projectId}
          ariaLabel="One-line PromQL query"
          testId="promql-line-editor"
          singleLine
          onSubmit={() => setSubmits((count) => count + 1)}
        />
        <pre data-testid="promql-line-value">{line}</pre>
        <p data-testid="submit-count">Submitted {submits} times</p>
      </section>
      <AddedEditors projectId={projectId} />
    </div>
  );
}
