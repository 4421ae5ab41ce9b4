"use client";

import type { ReactNode } from "react";
import { type AlertsPanel, PanelVisualization } from "@/components/charts/panel-visualization";
import { useNoConnection } from "@/components/preview/preview-connection";
import type { UnknownMetric } from "@/components/preview/use-metric-lint";
import { usePreviewAlerts } from "@/components/preview/use-preview-queries";
import type { Downsampling } from "@/lib/api/preview-client";
import { hasValues } from "@/lib/dashboard/series";
import type { Panel, QueryPanel } from "@/lib/model/panel";
import { useUnknownMetrics } from "../data/metric-lint-context";
import { type TargetResult, usePanelData } from "../data/use-panel-data";
import { contextOrPlaceholder, useQueryContext } from "../data/use-query-context";
import { downsamplingText } from "../model/downsampling-text";
import { replaceMetricName } from "../model/metric-replace";
import { useDraftActions, useProjectId, useViewState } from "../store/store-provider";
import { IN_VIEW, type PanelViewport } from "./use-panel-viewport";

/** `idle`: out of view, nothing asked yet; it asks when scrolled near. */
export type PanelState = "idle" | "loading" | "data" | "no-data" | "error";

export interface PanelContentProps {
  panel: Exclude<Panel, { type: "row" }>;
  width: number;
  height: number;
  /** Whether the panel is near enough to view to query; default: in view. */
  viewport?: PanelViewport;
}

/** What a panel says when its Prometheus cannot be reached; the banner above the panels says why. */
const NO_CONNECTION = "No connection";

function errorText(result: TargetResult, noConnection: (error: unknown) => boolean): string | undefined {
  if (result.plan.kind === "unsupported" || !result.error) return undefined;
  return noConnection(result.error) ? NO_CONNECTION : `${result.refId}: ${result.error.message}`;
}

interface LintNoticeProps {
  panel: QueryPanel;
  unknown: readonly UnknownMetric[];
}

/** Metric names the project's Prometheus does not know, with one-click replacements. */
function LintNotice({ panel, unknown }: LintNoticeProps): ReactNode {
  const { updatePanel } = useDraftActions();
  if (unknown.length === 0) return null;
  const replace = (from: string, to: string): void =>
    updatePanel(panel.id, (current) =>
      "targets" in current
        ? ({
            ...current,
            targets: current.targets.map((target) =>
              target.kind === "promql"
                ? { ...target, expr: replaceMetricName(target.expr, from, to) }
                : target,
            ),
          } as Panel)
        : current,
    );
  return (
    <div className="dash-panel-lint" data-testid="panel-lint">
      {unknown.map((metric) => (
        <div key={metric.name}>
          Unknown metric <code>{metric.name}</code>
          {metric.suggestions.length > 0 ? " — did you mean " : ""}
          {metric.suggestions.map((suggestion) => (
            <button
              key={suggestion}
              type="button"
              className="dash-link-button"
              onClick={() => replace(metric.name, suggestion)}
              data-testid="lint-replace"
              title={`Replace ${metric.name} with ${suggestion}`}
            >
              {suggestion}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}

function QueryPanelContent({
  panel,
  width,
  height,
  viewport,
}: {
  panel: QueryPanel;
  width: number;
  height: number;
  viewport: PanelViewport;
}): ReactNode {
  const projectId = useProjectId();
  const context = useQueryContext(width);
  const ready = context.ready;
  const data = usePanelData(projectId, panel, contextOrPlaceholder(context, width), {
    enabled: ready && viewport.near,
    priority: viewport.priority,
  });
  const noConnection = useNoConnection();
  const errors = [
    ...new Set(
      data.targets
        .map((result) => errorText(result, noConnection))
        .filter((text): text is string => text !== undefined),
    ),
  ];
  const unsupported = data.targets.filter((result) => result.plan.kind === "unsupported");
  const reports = data.targets
    .map((result) => result.exchange?.response.downsampling)
    .filter((report): report is Downsampling => report !== undefined)
    .map(downsamplingText)
    .filter((text) => text !== "");
  const unresolved = [
    ...new Set(data.targets.flatMap((result) => result.exchange?.response.unresolvedVariables ?? [])),
  ];
  let state: PanelState;
  if ("error" in context || errors.length > 0) state = "error";
  else if ((!ready || data.loading) && data.series.length === 0) state = viewport.near ? "loading" : "idle";
  else if (hasValues(data.series)) state = "data";
  else state = "no-data";
  const unknown = useUnknownMetrics(
    panel.targets.flatMap((target) => (target.kind === "promql" ? [target.expr] : [])),
  );
  const notes = reports.length + (unresolved.length > 0 ? 1 : 0) + unknown.length;
  const bodyHeight = Math.max(30, height - notes * 18);

  let body: ReactNode;
  switch (state) {
    case "error":
      body = (
        <div className="dash-panel-error" role="alert" data-testid="panel-error">
          {"error" in context ? context.error : errors.map((text) => <div key={text}>{text}</div>)}
        </div>
      );
      break;
    case "idle":
      body = <div className="dash-panel-idle" data-testid="panel-idle" />;
      break;
    case "loading":
      body = <div className="dash-panel-loading" aria-busy="true" data-testid="panel-loading" />;
      break;
    case "no-data":
      body = (
        <div className="dash-panel-empty" data-testid="panel-no-data">
          {unsupported.length === data.targets.length && unsupported.length > 0
            ? unsupported[0]?.error?.message
            : "No data"}
        </div>
      );
      break;
    case "data":
      body = (
        <PanelVisualization
          panel={panel}
          series={data.series}
          width={width}
          height={bodyHeight}
          timeRange={"error" in context ? undefined : { from: context.context.from, to: context.context.to }}
        />
      );
      break;
    default: {
      const never: never = state;
      throw new Error(`unknown state ${String(never)}`);
    }
  }
  return (
    <div className="dash-panel-content" data-state={state} data-testid="panel-content">
      <div className="dash-panel-body" style={{ height: bodyHeight }}>
        {body}
      </div>
      {reports.map((text) => (
        <div key={text} className="dash-panel-note" data-testid="panel-downsampling">
          {text}
        </div>
      ))}
      {unresolved.length > 0 ? (
        <div className="dash-panel-note">no value for {unresolved.map((name) => `$${name}`).join(", ")}</div>
      ) : null}
      <LintNotice panel={panel} unknown={unknown} />
    </div>
  );
}

/** A panel without queries (the alert list): the project's alerts. */
function AlertsPanelContent({
  panel,
  height,
  viewport,
}: {
  panel: AlertsPanel;
  height: number;
  viewport: PanelViewport;
}): ReactNode {
  const projectId = useProjectId();
  const { now } = useViewState();
  const noConnection = useNoConnection();
  const alerts = usePreviewAlerts(
    projectId,
    now,
    panel.datasource?.startsWith("$") ? undefined : panel.datasource,
    { enabled: viewport.near, priority: viewport.priority },
  );
  let state: PanelState;
  let body: ReactNode;
  if (alerts.error) {
    state = "error";
    body = (
      <div className="dash-panel-error" role="alert" data-testid="panel-error">
        {noConnection(alerts.error) ? NO_CONNECTION : alerts.error.message}
      </div>
    );
  } else if (!alerts.exchange && !viewport.near) {
    state = "idle";
    body = <div className="dash-panel-idle" data-testid="panel-idle" />;
  } else if (!alerts.exchange) {
    state = "loading";
    body = <div className="dash-panel-loading" aria-busy="true" data-testid="panel-loading" />;
  } else {
    state = "data";
    body = <PanelVisualization panel={panel} alerts={alerts.exchange.response.data.alerts} now={now} />;
  }
  return (
    <div className="dash-panel-content" data-state={state} data-testid="panel-content">
      <div className="dash-panel-body dash-panel-scroll" style={{ height }}>
        {body}
      </div>
    </div>
  );
}

/**
 * The body of a panel that has never been near the viewport: nothing asked, nothing subscribed
 * to, so a long dashboard mounts its far panels for the cost of an empty box.
 */
export function IdlePanelContent({ height }: { height: number }): ReactNode {
  return (
    <div className="dash-panel-content" data-state="idle" data-testid="panel-content">
      <div className="dash-panel-body" style={{ height }}>
        <div className="dash-panel-idle" data-testid="panel-idle" />
      </div>
    </div>
  );
}

/** The body of a panel waiting for its first answer. */
export function LoadingPanelContent({ height }: { height: number }): ReactNode {
  return (
    <div className="dash-panel-content" data-state="loading" data-testid="panel-content">
      <div className="dash-panel-body" style={{ height }}>
        <div className="dash-panel-loading" aria-busy="true" data-testid="panel-loading" />
      </div>
    </div>
  );
}

/** A panel's body: its chart, or why there is none (error, no data, loading), and its notes. */
export function PanelContent({ panel, width, height, viewport = IN_VIEW }: PanelContentProps): ReactNode {
  if (!("targets" in panel)) return <AlertsPanelContent panel={panel} height={height} viewport={viewport} />;
  return <QueryPanelContent panel={panel} width={width} height={height} viewport={viewport} />;
}
