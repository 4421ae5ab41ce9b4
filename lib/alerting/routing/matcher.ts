import type { Labels, Matcher } from "../../model";
import { compileAnchoredGoRegexp } from "./go-regexp";

/** A matcher ready to test label sets; a missing label has the empty value, as in Alertmanager. */
export type CompiledMatcher = Matcher & { test: (value: string) => boolean };

export function compileMatcher(matcher: Matcher): CompiledMatcher {
  const { op, value } = matcher;
  switch (op) {
    case "=":
      return { ...matcher, test: (v) => v === value };
    case "!=":
      return { ...matcher, test: (v) => v !== value };
    case "=~": {
      const re = compileAnchoredGoRegexp(value);
      return { ...matcher, test: (v) => re.test(v) };
    }
    case "!~": {
      const re = compileAnchoredGoRegexp(value);
      return { ...matcher, test: (v) => !re.test(v) };
    }
    default: {
      const exhaustive: never = op;
      throw new Error(`unknown matcher operator ${String(exhaustive)}`);
    }
  }
}

/** Whether every matcher matches (labels.Matchers.Matches). */
export function matchesAll(matchers: readonly CompiledMatcher[], labels: Labels): boolean {
  for (const matcher of matchers) {
    if (!matcher.test(labels[matcher.label] ?? "")) return false;
  }
  return true;
}
