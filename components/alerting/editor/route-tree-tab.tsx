"use client";

import { type ReactNode, useMemo } from "react";
import { type ResolvedRoute, resolveRouteTree } from "@/lib/alerting/routing/route-tree";
import { highlightedPaths, matchedPaths, runWhoGets } from "../model/who-gets-query";
import { withoutMatchers } from "../model/route-ops";
import { useAlertingIssues, useAlertingState, useProjectAlerts } from "../store/store-provider";
import { RouteNodeEditor } from "./route-node-editor";
import { RouteTreeView } from "./route-tree-view";
import { WhoGetsPanel } from "./who-gets-panel";

function resolvedAt(root: ResolvedRoute, path: readonly number[]): ResolvedRoute | undefined {
  let node: ResolvedRoute | undefined = root;
  for (const index of path) node = node?.children[index];
  return node;
}

/** The route tree, the open node's fields, and "who gets this alert?" with its path highlighted. */
export function RouteTreeTab(): ReactNode {
  const route = useAlertingState((state) => state.draft.route);
  const selected = useAlertingState((state) => state.selectedRoute);
  const selectRoute = useAlertingState((state) => state.selectRoute);
  const mode = useAlertingState((state) => state.whoGetsMode);
  const text = useAlertingState((state) => state.whoGetsText);
  const issues = useAlertingIssues();
  const alerts = useProjectAlerts();
  // Inheritance never depends on matchers: resolved without them, it shows even while a regex is broken.
  const resolved = useMemo(() => resolveRouteTree(withoutMatchers(route)), [route]);
  const result = useMemo(() => runWhoGets(route, mode, text, alerts), [route, mode, text, alerts]);
  const rows = result.ok ? result.rows : [];
  const onPath = useMemo(() => highlightedPaths(rows), [rows]);
  const matched = useMemo(() => matchedPaths(rows), [rows]);
  const node = resolvedAt(resolved, selected);
  const parent = selected.length > 0 ? resolvedAt(resolved, selected.slice(0, -1)) : undefined;
  return (
    <div data-testid="routes-tab">
      <div className="alerts-editor-body">
        <RouteTreeView
          route={route}
          resolved={resolved}
          selected={selected}
          onSelect={selectRoute}
          issues={issues}
          onPath={onPath}
          matched={matched}
        />
        {node ? (
          <RouteNodeEditor key={selected.join(".")} path={selected} parent={parent} resolved={node} />
        ) : null}
      </div>
      <WhoGetsPanel result={result} />
    </div>
  );
}
