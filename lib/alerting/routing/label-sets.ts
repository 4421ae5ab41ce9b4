import type { Labels } from "../../model";
import { MatcherSyntaxError, parseMatchers } from "./parse-matchers";

/**
 * Label sets typed as amtool takes them (`severity=critical,service=api`), for "who gets this
 * alert?": the CLI's --labels and --labels-file and the routing editor's box read them alike.
 */

/** One label set, `a=b,c="d, e"` (amtool's matcher syntax, `=` only); throws the parser's message. */
export function parseLabelSet(text: string): Labels {
  const labels: Labels = {};
  for (const matcher of parseMatchers(text)) {
    if (matcher.op !== "=")
      throw new MatcherSyntaxError(
        `labels must be specified as key=value pairs: ${matcher.label}${matcher.op}`,
      );
    labels[matcher.label] = matcher.value;
  }
  return labels;
}

export interface LabelSetLines {
  /** Each set with its 1-based line number. */
  sets: { line: number; labels: Labels }[];
  problems: { line: number; message: string }[];
}

/** Label sets one a line; blank lines and lines starting with # are skipped. */
export function parseLabelSetLines(text: string): LabelSetLines {
  const out: LabelSetLines = { sets: [], problems: [] };
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    try {
      out.sets.push({ line: index + 1, labels: parseLabelSet(raw) });
    } catch (error) {
      if (!(error instanceof MatcherSyntaxError)) throw error;
      out.problems.push({ line: index + 1, message: error.message });
    }
  });
  return out;
}
