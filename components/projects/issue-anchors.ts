/**
 * Where a model issue points on the project overview. Issue paths look like
 * `dashboards[2].panels[5].targets[0].expr`; the overview gives each listed item an id built by
 * `anchorId`, and `anchorForIssuePath` picks the deepest listed item the path falls into.
 */

export type PathSegment = string | number;

/** `dashboards[2].panels[5]` → `['dashboards', 2, 'panels', 5]`; `(root)` → `[]`. */
export function parseIssuePath(path: string): PathSegment[] {
  if (path === "" || path === "(root)") return [];
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/** The element id of a listed item: `['ruleGroups', 0, 'rules', 3]` → `ruleGroups-0-rules-3`. */
export function anchorId(segments: readonly PathSegment[]): string {
  return segments.map(String).join("-");
}

/** The id of the overview's settings summary, where every project-wide field is shown. */
export const SETTINGS_ANCHOR = "settings";

/** The indexed collections the overview lists one element per item for. */
const LISTED = new Set(["dashboards", "receivers", "inhibitRules", "datasources", "scrapeTargets"]);

function takeIndex(segments: readonly PathSegment[], at: number): number | undefined {
  const value = segments[at];
  return typeof value === "number" ? value : undefined;
}

/** The anchor (without `#`) of the overview element an issue path points into. */
export function anchorForIssuePath(path: string): string {
  const segments = parseIssuePath(path);
  const head = segments[0];
  if (typeof head !== "string") return SETTINGS_ANCHOR;

  if (LISTED.has(head)) {
    const index = takeIndex(segments, 1);
    return index === undefined ? head : anchorId([head, index]);
  }
  if (head === "ruleGroups") {
    const group = takeIndex(segments, 1);
    if (group === undefined) return head;
    const rule = segments[2] === "rules" ? takeIndex(segments, 3) : undefined;
    return rule === undefined ? anchorId([head, group]) : anchorId([head, group, "rules", rule]);
  }
  if (head === "route") {
    // Follow `.routes[i]` as deep as the path goes: each nested route is its own element.
    const out: PathSegment[] = ["route"];
    let at = 1;
    while (segments[at] === "routes" && typeof segments[at + 1] === "number") {
      out.push("routes", segments[at + 1] as number);
      at += 2;
    }
    return anchorId(out);
  }
  return SETTINGS_ANCHOR;
}
