import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { parseLabelSet, parseLabelSetLines } from "../alerting/routing/label-sets";
import { MatcherSyntaxError } from "../alerting/routing/parse-matchers";
import { whoGets } from "../alerting/routing/who-gets";
import type { Labels } from "../model";
import { InputError, loadProjectJson } from "./load-input";

/**
 * `obsforge routes test project.json --labels 'severity=critical,service=api'`: the receivers
 * each label set is routed to, one line per set, comma-separated, as `amtool config routes test`
 * prints them (it takes one set per run; this takes many, from --labels or --labels-file).
 */

/** Label sets of a file, one a line; blank lines and lines starting with # are skipped. */
function labelSetsOfFile(file: string): Labels[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError([`${file}: cannot read: ${(error as Error).message}`]);
  }
  const { sets, problems } = parseLabelSetLines(text);
  if (problems.length > 0)
    throw new InputError(problems.map(({ line, message }) => `${file}:${line}: ${message}`));
  return sets.map((set) => set.labels);
}

export { parseLabelSet };

export interface RoutesTestOptions {
  labels?: string[];
  labelsFile?: string;
  /** Under each line, the route that took the set and what its alerts are grouped by. */
  explain?: boolean;
}

function groupingText(options: { groupByAll: boolean; groupBy: string[] }): string {
  if (options.groupByAll) return "grouped by all labels";
  return options.groupBy.length > 0 ? `grouped by ${options.groupBy.join(", ")}` : "one group for all";
}

/** The lines to print: the receivers of each label set, in order. */
export function runRoutesTest(projectFile: string, options: RoutesTestOptions): string[] {
  const sets: Labels[] = [];
  for (const text of options.labels ?? []) {
    try {
      sets.push(parseLabelSet(text));
    } catch (error) {
      if (!(error instanceof MatcherSyntaxError)) throw error;
      throw new InputError([`--labels ${JSON.stringify(text)}: ${error.message}`]);
    }
  }
  if (options.labelsFile !== undefined) sets.push(...labelSetsOfFile(options.labelsFile));
  if (sets.length === 0)
    throw new InputError(["no label sets: give --labels 'name=value,…' or --labels-file FILE"]);
  const { project } = loadProjectJson(projectFile);
  return whoGets(project.route, sets).flatMap((answer) => [
    answer.receivers.join(","),
    ...(options.explain
      ? answer.matches.map(
          (match) => `  ${match.modelPath} → ${match.receiver} (${groupingText(match.options)})`,
        )
      : []),
  ]);
}

export function addRoutesCommand(
  program: Command,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
  setExit: (code: number) => void,
): void {
  const routes = program.command("routes").description("the project's Alertmanager routing tree");
  routes
    .command("test")
    .description("print the receivers each label set is routed to, as amtool config routes test does")
    .argument("<project.json>", "project file")
    .option(
      "--labels <labels>",
      "a label set, e.g. 'severity=critical,service=api' (repeatable)",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--labels-file <file>", "label sets, one per line")
    .option("--explain", "under each line, the route that took it and how its alerts are grouped")
    .addHelpText(
      "after",
      [
        "",
        "One line per label set, in order: its receivers, comma-separated, in the order the routing tree",
        "matches them (a route with continue: true lets later siblings match too).",
        "",
        "Example:",
        "  obsforge routes test shop.obsforge.json --labels 'severity=critical,service=api'",
      ].join("\n"),
    )
    .action((file: string, options: RoutesTestOptions) => {
      for (const line of runRoutesTest(file, options)) io.stdout(`${line}\n`);
      setExit(0);
    });
}
