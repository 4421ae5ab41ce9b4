import { sameValue as same } from "@/lib/json/same-value";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Panel } from "@/lib/model/panel";
import { nextPanelId, pushDown } from "./layout";

/**
 * Re-applying a user's dashboard edits on top of a version someone else saved meanwhile: a
 * three-way merge against the version the user started from. Settings and panels (by id) the
 * user changed take the user's value, everything else takes the newer version's. Where both
 * changed the same thing differently the user's value wins, and it is reported, never silent.
 */

export interface DashboardMerge {
  dashboard: Dashboard;
  /** What both sides changed differently; the merge kept the user's version of each. */
  conflicts: string[];
  /** What the newer version changed that the merge took over. */
  theirChanges: string[];
}

function panelName(panel: Panel): string {
  return `${panel.type === "row" ? "row" : "panel"} "${panel.title}"`;
}

type Settings = Omit<Dashboard, "panels">;

export function mergeDashboards(
  base: Dashboard,
  mine: Dashboard,
  theirs: Dashboard | undefined,
): DashboardMerge {
  if (!theirs) {
    return {
      dashboard: mine,
      conflicts: ["the dashboard was removed in the newer version; re-applying adds it back"],
      theirChanges: [],
    };
  }
  const conflicts: string[] = [];
  const theirChanges: string[] = [];

  const keys = new Set<keyof Settings>(
    [...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)].filter(
      (key): key is keyof Settings => key !== "panels",
    ),
  );
  const settings: Record<string, unknown> = {};
  for (const key of keys) {
    const b = base[key];
    const m = mine[key];
    const t = theirs[key];
    if (same(m, b)) {
      if (!same(t, b)) theirChanges.push(`dashboard ${key}`);
      settings[key] = t;
    } else {
      if (!same(t, b) && !same(t, m)) conflicts.push(`dashboard ${key}`);
      settings[key] = m;
    }
  }

  const baseById = new Map(base.panels.map((panel) => [panel.id, panel]));
  const mineById = new Map(mine.panels.map((panel) => [panel.id, panel]));
  const theirsById = new Map(theirs.panels.map((panel) => [panel.id, panel]));
  const merged: Panel[] = [];
  const renumber: Panel[] = [];
  const ids = [...new Set([...theirs.panels.map((p) => p.id), ...mine.panels.map((p) => p.id)])];
  for (const id of ids) {
    const b = baseById.get(id);
    const m = mineById.get(id);
    const t = theirsById.get(id);
    if (!b) {
      // Added on one side, or on both with the same id.
      if (m && t && !same(m, t)) {
        merged.push(t);
        renumber.push(m);
        theirChanges.push(`added ${panelName(t)}`);
      } else if (t) {
        merged.push(t);
        if (!m) theirChanges.push(`added ${panelName(t)}`);
      } else if (m) merged.push(m);
      continue;
    }
    if (same(m, b)) {
      if (t) merged.push(t);
      if (!same(t, b)) theirChanges.push(t ? `changed ${panelName(t)}` : `removed ${panelName(b)}`);
      continue;
    }
    if (same(t, b) || same(t, m)) {
      if (m) merged.push(m);
      continue;
    }
    if (m) {
      merged.push(m);
      conflicts.push(
        t ? `${panelName(m)} (changed in both)` : `${panelName(m)} (removed in the newer version)`,
      );
    } else if (t) {
      merged.push(t);
      conflicts.push(`${panelName(t)} (you removed it, the newer version changed it: kept)`);
    }
  }
  let nextId = nextPanelId([...merged, ...renumber]);
  for (const panel of renumber) merged.push({ ...panel, id: nextId++ });
  return {
    dashboard: { ...(settings as Settings), panels: pushDown(merged, new Set()) },
    conflicts,
    theirChanges,
  };
}
