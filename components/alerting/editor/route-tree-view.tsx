"use client";

import type { ReactNode } from "react";
import { ProblemCountBadge } from "@/components/ui/problem-count-badge";
import { formatMatcherText } from "@/lib/alerting/routing/parse-matchers";
import type { ResolvedRoute } from "@/lib/alerting/routing/route-tree";
import type { Route } from "@/lib/model/alertmanager";
import type { ModelIssue } from "@/lib/model/issues";
import { ownRouteIssues } from "../model/route-ops";

export interface RouteTreeViewProps {
  route: Route;
  /** The same tree resolved (matchers left out): what each node ends up with after inheriting. */
  resolved: ResolvedRoute;
  selected: readonly number[];
  onSelect: (path: number[]) => void;
  issues: readonly ModelIssue[];
  /** Paths (`0.2`) on the way to a node the who-gets question matched, and the matched nodes. */
  onPath: ReadonlySet<string>;
  matched: ReadonlySet<string>;
}

function NodeLine({
  route,
  resolved,
  isRoot,
}: {
  route: Route;
  resolved: ResolvedRoute;
  isRoot: boolean;
}): ReactNode {
  const receiverOwn = resolved.own.has("receiver");
  return (
    <>
      {isRoot ? (
        <span className="badge">root</span>
      ) : route.matchers.length === 0 ? (
        <span className="muted">all alerts</span>
      ) : (
        route.matchers.map((matcher, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: matchers have no identity
          <code key={index} className="matcher">
            {formatMatcherText(matcher)}
          </code>
        ))
      )}
      <span className="route-arrow" aria-hidden="true">
        →
      </span>
      {receiverOwn ? (
        <code data-testid="route-node-receiver">{resolved.options.receiver}</code>
      ) : (
        <span className="muted" data-testid="route-node-receiver" title="inherited from the parent">
          {resolved.options.receiver || "(none)"} (inherited)
        </span>
      )}
      {route.continue ? <span className="badge">continue</span> : null}
    </>
  );
}

function Node({
  route,
  resolved,
  path,
  props,
}: {
  route: Route;
  resolved: ResolvedRoute;
  path: number[];
  props: RouteTreeViewProps;
}): ReactNode {
  const key = path.join(".");
  const isSelected = key === props.selected.join(".");
  const errors = ownRouteIssues(props.issues, path).filter((issue) => issue.severity === "error").length;
  const classes = [
    "alerting-route-node",
    isSelected ? "selected" : "",
    props.onPath.has(key) ? "on-path" : "",
    props.matched.has(key) ? "matched" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <li
      data-testid="route-tree-node"
      data-path={key === "" ? "root" : key}
      data-matched={props.matched.has(key) || undefined}
      data-on-path={props.onPath.has(key) || undefined}
    >
      <button
        type="button"
        className={classes}
        onClick={() => props.onSelect(path)}
        aria-current={isSelected || undefined}
        aria-label={`Route ${path.length === 0 ? "root" : path.map((i) => i + 1).join(".")}`}
      >
        <NodeLine route={route} resolved={resolved} isRoot={path.length === 0} />
        {props.matched.has(key) ? <span className="badge alerting-matched-badge">matched</span> : null}
        <ProblemCountBadge count={errors} />
      </button>
      {route.routes.length > 0 ? (
        <ul className="route-children">
          {route.routes.map((child, index) => {
            const childResolved = resolved.children[index];
            if (!childResolved) return null;
            return (
              <Node
                // biome-ignore lint/suspicious/noArrayIndexKey: routes have no identity but their place
                key={index}
                route={child}
                resolved={childResolved}
                path={[...path, index]}
                props={props}
              />
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}

/** The route tree, each node with its matchers and receiver (own or inherited), who-gets answers highlighted. */
export function RouteTreeView(props: RouteTreeViewProps): ReactNode {
  return (
    <ul className="route-tree alerting-route-tree" data-testid="route-tree" aria-label="Route tree">
      <Node route={props.route} resolved={props.resolved} path={[]} props={props} />
    </ul>
  );
}
