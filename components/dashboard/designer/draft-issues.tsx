"use client";

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { Dashboard } from "@/lib/model/dashboard";
import type { ModelIssue } from "@/lib/model/issues";
import { panelTargets } from "@/lib/model/panel";
import { useDraftDashboard, useProjectDatasources, useSaveState } from "../store/store-provider";
import { whenIdle } from "@/components/ui/when-idle";

type DraftChecks = typeof import("./draft-checks");

const DraftIssuesContext = createContext<ModelIssue[]>([]);

/** A slice of the warm-up may run this long when the browser gives it no idle time. */
const FORCED_SLICE_MS = 8;
/** Each slice waits at most this long for idle time before it runs anyway. */
const SLICE_MAX_WAIT_MS = 1000;

/** Every distinct PromQL expression of the dashboard: what its check parses. */
function promqlTexts(dashboard: Dashboard): string[] {
  const texts = new Set<string>();
  for (const panel of dashboard.panels)
    for (const target of panelTargets(panel)) if (target.kind === "promql") texts.add(target.expr);
  return [...texts];
}

/**
 * The checks' modules, once loaded: asked for when the page is first idle (or after
 * SLICE_MAX_WAIT_MS), so neither their download nor their compilation competes with the first
 * screen's panels.
 */
function useDraftChecks(): DraftChecks | undefined {
  const [checks, setChecks] = useState<DraftChecks>();
  useEffect(() => {
    let mounted = true;
    const load = (): void => {
      void import("./draft-checks").then((loaded) => {
        if (mounted) setChecks(loaded);
      });
    };
    const cancel = whenIdle(load, SLICE_MAX_WAIT_MS);
    return () => {
      mounted = false;
      cancel();
    };
  }, []);
  return checks;
}

/**
 * False until the checks are loaded and every PromQL expression of `dashboard` has been analysed, a few at a time in the
 * page's idle time (or at most FORCED_SLICE_MS at a time when there is none). The check parses
 * every query of the dashboard, a few hundred on a big one: in one go that is a task of a second
 * or more on a loaded machine, which held back the panels of the first screen. The analyses are
 * cached by expression, so the check that follows, and every check after an edit, only reads them.
 */
function useWarmedUp(dashboard: Dashboard, checks: DraftChecks | undefined): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!checks) return;
    const { analyzeDashboardPromql } = checks;
    const pending = promqlTexts(dashboard);
    let cancel = (): void => {};
    const schedule = (): void => {
      cancel = whenIdle(slice, SLICE_MAX_WAIT_MS);
    };
    const slice = (deadline: IdleDeadline | undefined): void => {
      const started = performance.now();
      const more = (): boolean =>
        deadline && !deadline.didTimeout
          ? deadline.timeRemaining() > 1
          : performance.now() - started < FORCED_SLICE_MS;
      // At least one per slice, so a page that is never idle still gets through them.
      do {
        const text = pending.pop();
        if (text !== undefined) analyzeDashboardPromql(text);
      } while (pending.length > 0 && more());
      if (pending.length > 0) schedule();
      else setDone(true);
    };
    schedule();
    return () => cancel();
  }, [dashboard, checks]);
  return done;
}

/**
 * The model's checks of the draft, computed once per edit for every consumer: the save state,
 * the form's field messages and the JSON editors' markers. Issues from the last failed save are
 * added until the draft changes. The draft as opened is checked once its queries have been parsed
 * in the page's idle time; any edit is checked at once (once the checks' modules are loaded).
 */
export function DraftIssuesProvider({ children }: { children: ReactNode }): ReactNode {
  const dashboard = useDraftDashboard();
  const datasources = useProjectDatasources();
  const { serverIssues, failedDraft } = useSaveState();
  const [opened] = useState(dashboard);
  const checks = useDraftChecks();
  const warm = useWarmedUp(opened, checks);
  const checking = warm || dashboard !== opened;
  const issues = useMemo(() => {
    if (!checks || !checking) return [];
    const local = checks.dashboardIssues(dashboard, datasources);
    if (failedDraft !== dashboard) return local;
    const seen = new Set(local.map((issue) => `${issue.path}|${issue.message}`));
    return [...local, ...serverIssues.filter((issue) => !seen.has(`${issue.path}|${issue.message}`))];
  }, [checks, checking, dashboard, datasources, serverIssues, failedDraft]);
  return <DraftIssuesContext.Provider value={issues}>{children}</DraftIssuesContext.Provider>;
}

/** Issues of the draft, paths relative to the dashboard (`panels[2].targets[0].expr`). */
export function useDraftIssues(): ModelIssue[] {
  return useContext(DraftIssuesContext);
}
