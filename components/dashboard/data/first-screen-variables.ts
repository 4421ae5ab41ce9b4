import { type FirstScreenInput, firstScreenVariables, variableCallKey } from "./first-screen";
import type { VariableCall } from "./variable-requests";

/** A query variable's options from Prometheus (before the variable's regex), or null when they could not be had. */
export type FetchVariableOptions = (call: VariableCall, signal: AbortSignal) => Promise<string[] | null>;

export interface VariableAnswer {
  call: VariableCall;
  options: readonly string[];
}

/** What the server waits, at most, for the variables' options before it renders without them. */
export const VARIABLE_OPTIONS_BUDGET_MS = 500;

/**
 * The options of the dashboard's query variables, asked for while the server renders the page, so
 * that the page starts with every variable standing for something (its first screen's queries then
 * need no round trip from the browser first) and its drop-downs filled. Calls go in rounds: those
 * of a round are the ones the variables make with the options known so far, all at once; a
 * variable whose call changes with an earlier one's options (`label_values(x{job="$job"},
 * instance)`) is asked again in the next round, as the page would. Returns the answers the page
 * will ask for.
 */
export async function fetchFirstScreenVariableOptions(
  input: Omit<FirstScreenInput, "grid" | "variableOptions">,
  fetchOptions: FetchVariableOptions,
  signal: AbortSignal = AbortSignal.timeout(VARIABLE_OPTIONS_BUDGET_MS),
): Promise<VariableAnswer[]> {
  const answers = new Map<string, VariableAnswer>();
  const known = new Map<string, readonly string[]>();
  const tried = new Set<string>();
  // Each round settles at least the first variable still waiting, so there are at most as many as variables.
  for (let round = 0; round <= input.dashboard.variables.length && !signal.aborted; round++) {
    const plan = firstScreenVariables({ ...input, variableOptions: known });
    if (!plan) break;
    const next = new Map<string, VariableCall>();
    for (const call of plan.calls) {
      if (call === undefined || "error" in call) continue;
      const key = variableCallKey(call);
      if (!tried.has(key)) next.set(key, call);
    }
    if (next.size === 0) break;
    await Promise.all(
      [...next].map(async ([key, call]) => {
        tried.add(key);
        const options = await fetchOptions(call, signal).catch(() => null);
        if (options === null) return;
        known.set(key, options);
        answers.set(key, { call, options });
      }),
    );
  }
  const final = firstScreenVariables({ ...input, variableOptions: known });
  const wanted = new Set(
    (final?.calls ?? []).flatMap((call) => (call && !("error" in call) ? [variableCallKey(call)] : [])),
  );
  return [...answers].filter(([key]) => wanted.has(key)).map(([, answer]) => answer);
}

/** The answers by variableCallKey, as firstScreenCalls takes them. */
export function optionsByKey(answers: readonly VariableAnswer[]): Map<string, readonly string[]> {
  return new Map(answers.map((answer) => [variableCallKey(answer.call), answer.options]));
}
