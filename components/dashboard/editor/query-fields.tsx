"use client";

import { type ReactNode, useState } from "react";
import { LazyPromqlEditor } from "@/components/code-editor";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import type { ModelIssue } from "@/lib/model/issues";
import type { Target } from "@/lib/model/panel";
import { useUnknownMetrics } from "../data/metric-lint-context";
import { replaceMetricName } from "../model/metric-replace";
import { defaultTarget, nextRefId } from "../model/panel-ops";
import { useDraftVariables } from "../store/store-provider";

export interface QueryFieldsProps {
  projectId: string;
  targets: readonly Target[];
  onChange: (targets: Target[], field: string) => void;
  /** Issues of the panel, relative to it. */
  issues: readonly ModelIssue[];
}

interface TargetFieldsProps {
  projectId: string;
  target: Target;
  index: number;
  issues: readonly ModelIssue[];
  onChange: (target: Target, field: string) => void;
  onRemove: (() => void) | undefined;
}

function MetricSuggestions({
  expr,
  onReplace,
}: {
  expr: string;
  onReplace: (from: string, to: string) => void;
}): ReactNode {
  const unknown = useUnknownMetrics([expr]);
  if (unknown.length === 0) return null;
  return (
    <ul className="field-issues dash-lint-list" data-testid="query-lint">
      {unknown.map((metric) => (
        <li key={metric.name}>
          Prometheus has no metric <code>{metric.name}</code>
          {metric.suggestions.length > 0 ? "; replace with " : ""}
          {metric.suggestions.map((suggestion) => (
            <button
              key={suggestion}
              type="button"
              className="dash-link-button"
              onClick={() => onReplace(metric.name, suggestion)}
              data-testid="lint-replace"
            >
              {suggestion}
            </button>
          ))}
        </li>
      ))}
    </ul>
  );
}

function TargetFields({
  projectId,
  target,
  index,
  issues,
  onChange,
  onRemove,
}: TargetFieldsProps): ReactNode {
  const variableNames = useDraftVariables().map((variable) => variable.name);
  const [multiLine, setMultiLine] = useState(target.kind !== "sql" && target.expr.length > 90);
  const path = `targets[${index}]`;
  return (
    <div className="dash-query" data-testid="query-row" data-ref-id={target.refId}>
      <div className="dash-query-head">
        <strong>{target.refId}</strong>
        <span className="muted small">
          {target.kind === "promql" ? "PromQL" : target.kind === "logql" ? "LogQL" : "SQL"}
        </span>
        {target.kind !== "sql" ? (
          <label className="dash-inline small">
            <input
              type="checkbox"
              checked={multiLine}
              onChange={(event) => setMultiLine(event.target.checked)}
            />{" "}
            multi-line
          </label>
        ) : null}
        <label className="dash-inline small" title="Hidden in Grafana: not drawn, still run">
          <input
            type="checkbox"
            checked={target.hide === true}
            onChange={(event) =>
              onChange({ ...target, hide: event.target.checked ? true : undefined }, `${path}.hide`)
            }
            data-testid={`query-hide-${target.refId}`}
          />{" "}
          hidden
        </label>
        {onRemove ? (
          <button
            type="button"
            className="button button-small"
            onClick={onRemove}
            aria-label={`Remove query ${target.refId}`}
          >
            Remove
          </button>
        ) : null}
      </div>
      {target.kind === "promql" ? (
        <>
          <LazyPromqlEditor
            value={target.expr}
            onChange={(expr) => onChange({ ...target, expr }, `${path}.expr`)}
            projectId={projectId}
            datasourceUid={target.datasource}
            singleLine={!multiLine}
            variables={variableNames}
            height={multiLine ? 110 : undefined}
            ariaLabel={`PromQL query ${target.refId}`}
            testId={`query-expr-${target.refId}`}
          />
          <FieldMessages
            issues={issuesWithin(issues, `${path}.expr`)}
            testId={`query-issues-${target.refId}`}
          />
          <MetricSuggestions
            expr={target.expr}
            onReplace={(from, to) =>
              onChange({ ...target, expr: replaceMetricName(target.expr, from, to) }, `${path}.expr`)
            }
          />
          <div className="dash-field-row">
            <label className="dash-inline">
              Legend{" "}
              <input
                value={target.legendFormat ?? ""}
                placeholder="{{instance}}"
                onChange={(event) =>
                  onChange(
                    { ...target, legendFormat: event.target.value === "" ? undefined : event.target.value },
                    `${path}.legendFormat`,
                  )
                }
                data-testid={`query-legend-${target.refId}`}
              />
            </label>
            <label className="dash-inline">
              Type{" "}
              <select
                value={target.instant ? "instant" : "range"}
                onChange={(event) =>
                  onChange({ ...target, instant: event.target.value === "instant" }, `${path}.instant`)
                }
                data-testid={`query-type-${target.refId}`}
              >
                <option value="range">Range</option>
                <option value="instant">Instant</option>
              </select>
            </label>
            <label className="dash-inline">
              Format{" "}
              <select
                value={target.format}
                onChange={(event) =>
                  onChange(
                    { ...target, format: event.target.value as typeof target.format },
                    `${path}.format`,
                  )
                }
              >
                <option value="time_series">Time series</option>
                <option value="table">Table</option>
                <option value="heatmap">Heatmap</option>
              </select>
            </label>
            <label
              className="dash-inline"
              title="Grafana's Resolution: the step is the interval times the factor"
            >
              Resolution{" "}
              <select
                value={String(target.intervalFactor ?? 1)}
                onChange={(event) => {
                  const factor = Number(event.target.value);
                  onChange(
                    { ...target, intervalFactor: factor === 1 ? undefined : factor },
                    `${path}.intervalFactor`,
                  );
                }}
                data-testid={`query-resolution-${target.refId}`}
              >
                {[...new Set([1, 2, 3, 4, 5, 10, target.intervalFactor ?? 1])]
                  .sort((a, b) => a - b)
                  .map((factor) => (
                    <option key={factor} value={String(factor)}>
                      1/{factor}
                    </option>
                  ))}
              </select>
            </label>
          </div>
        </>
      ) : (
        <>
          <textarea
            className="dash-code-textarea"
            value={target.kind === "sql" ? target.rawSql : target.expr}
            aria-label={`Query ${target.refId}`}
            onChange={(event) =>
              onChange(
                (target.kind === "sql"
                  ? { ...target, rawSql: event.target.value }
                  : { ...target, expr: event.target.value }) as Target,
                `${path}.${target.kind === "sql" ? "rawSql" : "expr"}`,
              )
            }
            style={{ height: 90 }}
          />
          <p className="field-hint">
            The designer previews Prometheus queries only; this one runs in Grafana.
          </p>
        </>
      )}
      <FieldMessages
        issues={issuesWithin(issues, path).filter((issue) => !issue.path.startsWith(`${path}.expr`))}
      />
    </div>
  );
}

/** The panel's queries: PromQL with legend and range/instant, added and removed here. */
export function QueryFields({ projectId, targets, onChange, issues }: QueryFieldsProps): ReactNode {
  return (
    <fieldset className="dash-fieldset" data-testid="query-fields">
      <legend>Queries</legend>
      {targets.map((target, index) => (
        <TargetFields
          key={target.refId}
          projectId={projectId}
          target={target}
          index={index}
          issues={issues}
          onChange={(next, field) =>
            onChange(
              targets.map((entry, i) => (i === index ? next : entry)),
              field,
            )
          }
          onRemove={
            targets.length > 1
              ? () =>
                  onChange(
                    targets.filter((_entry, i) => i !== index),
                    "targets",
                  )
              : undefined
          }
        />
      ))}
      <FieldMessages issues={issues.filter((issue) => issue.path === "targets")} />
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          const added: Target = defaultTarget(nextRefId(targets));
          onChange([...targets, added], "targets");
        }}
        data-testid="query-add"
      >
        Add query
      </button>
    </fieldset>
  );
}
