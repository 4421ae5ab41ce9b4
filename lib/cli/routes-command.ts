import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { MatcherSyntaxError, parseMatchers } from "../alerting/routing/parse-matchers";
import { resolveRouteTree, routeReceivers } from "../alerting/routing/route-tree";
import type { Labels } from "../model";
import { InputError, loadProjectJson } from "./load-input";

/**
 * `obsforge routes test project.json --labels 'severity=critical,service=api'`: the receivers
 * each label set is routed to, one line per set, comma-separated, as `amtool config routes test`
 * prints them (it takes one set per run; this takes many, from --labels or --labels-file).
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

/** Label sets of a file, one a line; blank lines and lines starting with # are skipped. */
function labelSetsOfFile(file: string): Labels[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError([`${file}: cannot read: ${(error as Error).message}`]);
  }
  const sets: Labels[] = [];
  const problems: string[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    try {
      sets.push(parseLabelSet(line));
    } catch (error) {
      if (!(error instanceof MatcherSyntaxError)) throw error;
      problems.push(`${file}:${index + 1}: ${error.message}`);
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return sets;
}

export interface RoutesTestOptions {
  labels?: string[];
  labelsFile?: string;
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
  const tree = resolveRouteTree(project.route);
  return sets.map((labels) => routeReceivers(tree, labels).join(","));
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
