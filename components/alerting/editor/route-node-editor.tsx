"use client";

import type { ReactNode } from "react";
import { FieldMessages } from "@/components/form/field-messages";
import { CheckField } from "@/components/form/settings-field";
import type { ResolvedRoute, RouteOptions } from "@/lib/alerting/routing/route-tree";
import type { Route } from "@/lib/model/alertmanager";
import { ownRouteIssues, routeAt, routeModelPath } from "../model/route-ops";
import { useAlertingIssues, useAlertingState } from "../store/store-provider";
import { ListInput, optionalText, TextInput, withOptional } from "./fields";
import { MatchersEditor } from "./matchers-editor";

export interface RouteNodeEditorProps {
  path: number[];
  /** The node's parent resolved: what it inherits. Undefined for the root (Alertmanager's defaults). */
  parent: ResolvedRoute | undefined;
  resolved: ResolvedRoute;
}

function groupingText(options: RouteOptions): string {
  if (options.groupByAll) return "all labels (...)";
  return options.groupBy.length > 0 ? options.groupBy.join(", ") : "nothing (one group)";
}

/** What the node takes from its parent when it does not set it, as Alertmanager resolves it. */
function Inherited({ parent, own }: { parent: RouteOptions; own: ResolvedRoute["own"] }): ReactNode {
  const rows: [string, string, boolean][] = [
    ["receiver", parent.receiver || "(none)", own.has("receiver")],
    ["group_by", groupingText(parent), own.has("groupBy") || own.has("groupByAll")],
    ["group_wait", parent.groupWait, own.has("groupWait")],
    ["group_interval", parent.groupInterval, own.has("groupInterval")],
    ["repeat_interval", parent.repeatInterval, own.has("repeatInterval")],
  ];
  return (
    <div className="alerting-inherited" data-testid="route-inherited">
      <strong>From its parent:</strong>
      <ul className="plain-list">
        {rows.map(([name, value, overridden]) => (
          <li key={name} data-testid={`inherited-${name}`} className={overridden ? "muted" : undefined}>
            <code>{name}</code> {value}
            {overridden ? " (overridden here)" : " (inherited)"}
          </li>
        ))}
      </ul>
    </div>
  );
}

function IntervalPicker({
  label,
  names,
  chosen,
  onChange,
  issues,
  testId,
}: {
  label: string;
  names: readonly string[];
  chosen: readonly string[];
  onChange: (chosen: string[] | undefined) => void;
  issues: ReturnType<typeof useAlertingIssues>;
  testId: string;
}): ReactNode {
  const all = [...new Set([...names, ...chosen])];
  return (
    <fieldset className="alerting-interval-picker" data-testid={testId}>
      <legend>{label}</legend>
      {all.length === 0 ? (
        <p className="muted small">No time intervals defined (Time intervals tab).</p>
      ) : null}
      {all.map((name) => (
        <CheckField
          key={name}
          label={names.includes(name) ? name : `${name} (not defined)`}
          checked={chosen.includes(name)}
          onChange={(checked) => {
            const next = checked ? [...chosen, name] : chosen.filter((entry) => entry !== name);
            onChange(next.length > 0 ? next : undefined);
          }}
        />
      ))}
      <FieldMessages issues={issues} />
    </fieldset>
  );
}

/** The fields of one route node: matchers, receiver, grouping, timings, continue, time intervals, children. */
export function RouteNodeEditor({ path, parent, resolved }: RouteNodeEditorProps): ReactNode {
  const draft = useAlertingState((state) => state.draft);
  const updateRoute = useAlertingState((state) => state.updateRoute);
  const addChildRoute = useAlertingState((state) => state.addChildRoute);
  const deleteRoute = useAlertingState((state) => state.deleteRoute);
  const moveRoute = useAlertingState((state) => state.moveRoute);
  const allIssues = useAlertingIssues();
  const route = routeAt(draft.route, path);
  if (!route) return null;
  const issues = ownRouteIssues(allIssues, path);
  const at = routeModelPath(path);
  const isRoot = path.length === 0;
  const change = (next: Route, field: string): void => updateRoute(path, () => next, `${at}.${field}`);
  const receivers = draft.receivers.map((receiver) => receiver.name);
  const missing = route.receiver !== undefined && !receivers.includes(route.receiver);
  const intervalNames = draft.alertmanager.timeIntervals.map((interval) => interval.name);
  const siblings = isRoot ? 0 : (routeAt(draft.route, path.slice(0, -1))?.routes.length ?? 0);
  const index = path[path.length - 1] ?? 0;
  const inheritedFrom = parent?.options;
  const timing = (
    key: "groupWait" | "groupInterval" | "repeatInterval",
    label: string,
    hint: string,
  ): ReactNode => (
    <TextInput
      label={label}
      value={route[key] ?? ""}
      placeholder={inheritedFrom ? inheritedFrom[key] : resolved.options[key]}
      onChange={(text) => change(withOptional(route, key, optionalText(text)), key)}
      issues={issues}
      path={`${at}.${key}`}
      testId={`route-${key}`}
      hint={hint}
    />
  );
  return (
    <section className="alerting-detail" data-testid="route-node-editor" data-path={path.join(".") || "root"}>
      <h3>{isRoot ? "Root route" : `Route ${path.map((i) => i + 1).join(".")}`}</h3>
      <div className="alerts-toolbar" role="toolbar" aria-label="Route">
        <button
          type="button"
          className="button"
          onClick={() => addChildRoute(path)}
          data-testid="add-child-route"
        >
          Add child route
        </button>
        {isRoot ? null : (
          <>
            <button
              type="button"
              className="button"
              onClick={() => moveRoute(path, -1)}
              disabled={index === 0}
            >
              Move up
            </button>
            <button
              type="button"
              className="button"
              onClick={() => moveRoute(path, 1)}
              disabled={index >= siblings - 1}
            >
              Move down
            </button>
            <button
              type="button"
              className="button button-danger-outline"
              onClick={() => deleteRoute(path)}
              data-testid="delete-route"
            >
              Delete route
            </button>
          </>
        )}
      </div>
      {inheritedFrom ? <Inherited parent={inheritedFrom} own={resolved.own} /> : null}
      {isRoot ? (
        <p className="muted small">The root takes every alert; its receiver is the default.</p>
      ) : (
        <MatchersEditor
          label="Route"
          matchers={route.matchers}
          onChange={(matchers) => change({ ...route, matchers }, "matchers")}
          issues={issues}
          path={`${at}.matchers`}
          testId="route-matchers"
          emptyText="No matchers: every alert that reaches this route matches."
        />
      )}
      <div className="alerts-field-row">
        <div className="field dash-field">
          <label className="field-label" htmlFor={`route-receiver-${at}`}>
            Receiver
          </label>
          <select
            id={`route-receiver-${at}`}
            value={route.receiver ?? ""}
            aria-invalid={missing || undefined}
            onChange={(event) =>
              change(withOptional(route, "receiver", optionalText(event.target.value)), "receiver")
            }
            data-testid="route-receiver"
          >
            <option value="">
              {isRoot ? "(pick the default receiver)" : `(inherit: ${inheritedFrom?.receiver || "none"})`}
            </option>
            {missing ? <option value={route.receiver}>{route.receiver} (missing)</option> : null}
            {receivers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <FieldMessages
            issues={issues.filter((issue) => issue.path === `${at}.receiver`)}
            testId="route-receiver-issues"
          />
        </div>
        <ListInput
          label="Group by"
          value={route.groupBy}
          placeholder={inheritedFrom ? groupingText(inheritedFrom) : "alertname, severity"}
          onChange={(groupBy) => change(withOptional(route, "groupBy", groupBy), "groupBy")}
          issues={issues}
          path={`${at}.groupBy`}
          testId="route-group-by"
          hint="Label names, comma-separated; ... groups by every label."
        />
      </div>
      <div className="alerts-field-row">
        {timing("groupWait", "Group wait", "Before the first notification of a new group.")}
        {timing("groupInterval", "Group interval", "Before notifying about new alerts in a group.")}
        {timing("repeatInterval", "Repeat interval", "Before repeating a notification.")}
      </div>
      {isRoot ? null : (
        <>
          <CheckField
            label="Continue: later sibling routes are tried too"
            checked={route.continue}
            onChange={(checked) => change({ ...route, continue: checked }, "continue")}
            testId="route-continue"
          />
          <div className="alerts-field-row">
            <IntervalPicker
              label="Mute during"
              names={intervalNames}
              chosen={route.muteTimeIntervals ?? []}
              onChange={(chosen) =>
                change(withOptional(route, "muteTimeIntervals", chosen), "muteTimeIntervals")
              }
              issues={issues.filter((issue) => issue.path.startsWith(`${at}.muteTimeIntervals`))}
              testId="route-mute-intervals"
            />
            <IntervalPicker
              label="Active only during"
              names={intervalNames}
              chosen={route.activeTimeIntervals ?? []}
              onChange={(chosen) =>
                change(withOptional(route, "activeTimeIntervals", chosen), "activeTimeIntervals")
              }
              issues={issues.filter((issue) => issue.path.startsWith(`${at}.activeTimeIntervals`))}
              testId="route-active-intervals"
            />
          </div>
        </>
      )}
      <FieldMessages
        issues={issues.filter(
          (issue) =>
            [
              `${at}.matchers`,
              `${at}.continue`,
              `${at}.muteTimeIntervals`,
              `${at}.activeTimeIntervals`,
              at,
            ].includes(issue.path) && isRoot,
        )}
        testId="route-root-issues"
      />
    </section>
  );
}
