import { parseLabelSet, parseLabelSetLines } from "@/lib/alerting/routing/label-sets";
import { MatcherSyntaxError } from "@/lib/alerting/routing/parse-matchers";
import { type RoutingAnswer, whoGets } from "@/lib/alerting/routing/who-gets";
import type { Labels } from "@/lib/model";
import type { Route } from "@/lib/model/alertmanager";
import type { ProjectAlert } from "./project-alerts";

/** "Who gets this alert?": one typed label set, every alert of the project's rules, or a pasted list. */
export type WhoGetsMode = "typed" | "rules" | "pasted";

export interface WhoGetsRow {
  /** What the row is: the typed text, `group / alert`, or `line 3`. */
  source: string;
  answer: RoutingAnswer;
}

export type WhoGetsResult =
  | { ok: true; rows: WhoGetsRow[]; problems: string[] }
  | { ok: false; message: string };

/** The label sets a query asks about, with what each is called, and the lines that do not parse. */
export function querySets(
  mode: WhoGetsMode,
  text: string,
  alerts: readonly ProjectAlert[],
): { sets: { source: string; labels: Labels }[]; problems: string[] } {
  switch (mode) {
    case "typed": {
      if (text.trim() === "") return { sets: [], problems: [] };
      try {
        return { sets: [{ source: text.trim(), labels: parseLabelSet(text) }], problems: [] };
      } catch (error) {
        if (!(error instanceof MatcherSyntaxError)) throw error;
        return { sets: [], problems: [error.message] };
      }
    }
    case "pasted": {
      const parsed = parseLabelSetLines(text);
      return {
        sets: parsed.sets.map(({ line, labels }) => ({ source: `line ${line}`, labels })),
        problems: parsed.problems.map(({ line, message }) => `line ${line}: ${message}`),
      };
    }
    case "rules":
      return { sets: alerts.map((alert) => ({ source: alert.key, labels: alert.labels })), problems: [] };
    default: {
      const exhaustive: never = mode;
      throw new Error(`unknown mode ${String(exhaustive)}`);
    }
  }
}

/**
 * The routing of each label set as Alertmanager decides it (lib/alerting/routing, held to amtool
 * by its tests). A regex the engine cannot compile makes the whole tree unusable, as it makes
 * Alertmanager refuse the configuration: the answer is then the compiler's message.
 */
export function runWhoGets(
  route: Route,
  mode: WhoGetsMode,
  text: string,
  alerts: readonly ProjectAlert[],
): WhoGetsResult {
  const { sets, problems } = querySets(mode, text, alerts);
  let answers: RoutingAnswer[];
  try {
    answers = whoGets(
      route,
      sets.map((set) => set.labels),
    );
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return {
    ok: true,
    rows: answers.map((answer, index) => ({ source: sets[index]?.source ?? "", answer })),
    problems,
  };
}

/** `route.routes[0]` → true for every node on the way to a matched node: what the tree highlights. */
export function highlightedPaths(rows: readonly WhoGetsRow[]): Set<string> {
  const paths = new Set<string>();
  for (const row of rows) {
    for (const match of row.answer.matches) {
      for (let depth = 0; depth <= match.path.length; depth++)
        paths.add(match.path.slice(0, depth).join("."));
    }
  }
  return paths;
}

/** Paths of the nodes an answer ends on (the matched nodes themselves). */
export function matchedPaths(rows: readonly WhoGetsRow[]): Set<string> {
  return new Set(rows.flatMap((row) => row.answer.matches.map((match) => match.path.join("."))));
}
