import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveRouteTree, routeReceivers } from "../../alerting/routing/route-tree";
import { amtoolRoutes, type RoutesTestCase } from "../../alerting/routing/testing/amtool-routes";
import { generateAlertmanager } from "../../generate/alertmanager";
import { type Labels, parseProject } from "../../model";
import { seededRandom } from "../../promql/testing/mutate";
import { expectToolAccepts } from "../../testing/run-tool";
import { makeTempDir, writeFiles } from "../../tools/files";
import { importAlertmanagerConfig, importReportLines } from ".";

const CORPUS = path.join(import.meta.dirname, "../testdata/alertmanager");
const FILES = readdirSync(CORPUS).filter((name) => name.endsWith(".yml"));
const dir = makeTempDir("obsforge-am-corpus");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every label name and value the file's matchers mention (regex alternatives split out), to build label sets that hit its routes. */
function vocabulary(text: string): Map<string, Set<string>> {
  const words = new Map<string, Set<string>>();
  const add = (name: string, value: string): void => {
    const set = words.get(name) ?? new Set<string>();
    set.add(value);
    for (const part of value.replace(/[\^$()]/g, "").split("|")) set.add(part);
    words.set(name, set);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (/(^|_)match(_re)?$/.test(key) && value && typeof value === "object")
          for (const [name, matchValue] of Object.entries(value)) add(name, String(matchValue));
        else if (/(^|_)matchers$/.test(key) && Array.isArray(value))
          for (const line of value) {
            const m = /^\s*([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)\s*"?(.*?)"?\s*$/.exec(String(line));
            if (m) add(m[1] as string, m[2] as string);
          }
        else visit(value);
      }
    }
  };
  visit(parse(text));
  return words;
}

function labelSets(words: Map<string, Set<string>>, count: number, seed: number): Labels[] {
  const random = seededRandom(seed);
  const names = [...words.keys(), "alertname", "instance"];
  return Array.from({ length: count }, () => {
    const labels: Labels = {};
    for (const name of names) {
      if (random() < 0.4) continue;
      const values = [...(words.get(name) ?? [])];
      labels[name] =
        values.length > 0 && random() < 0.85
          ? (values[Math.floor(random() * values.length)] as string)
          : `x${Math.floor(random() * 100)}`;
    }
    return labels;
  });
}

describe("the Alertmanager corpus imports and routes identically", () => {
  it("has the committed real configurations", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(FILES)(
    "%s",
    async (file) => {
      const text = readFileSync(path.join(CORPUS, file), "utf8");
      const { alerting, report } = importAlertmanagerConfig(parse(text));
      const project = parseProject({ name: file, ...alerting });
      const files = generateAlertmanager(project);
      expectToolAccepts(files, "amtool", () => ["check-config", "alertmanager/alertmanager.yml"]);

      // No literal secret of the file appears in the report.
      const reportText = importReportLines(report).join("\n");
      for (const secret of ["mysecret", "password", "{{ OPSGENIE_API_KEY }}"])
        expect(reportText).not.toContain(`: ${secret}`);

      const caseDir = path.join(dir, file.replace(/\W/g, "-"));
      writeFiles(caseDir, [...files, { path: "input.yml", content: text }]);
      const input = path.join(caseDir, "input.yml");
      const output = path.join(caseDir, "alertmanager/alertmanager.yml");
      const sets = labelSets(vocabulary(text), 100, FILES.indexOf(file) + 1);
      const cases: RoutesTestCase[] = sets.flatMap((labels) => [
        { configFile: input, labels },
        { configFile: output, labels },
      ]);
      const answers = await amtoolRoutes(cases, caseDir);
      const tree = resolveRouteTree(project.route);
      const differences = sets.flatMap((labels, index) => {
        const before = answers[2 * index];
        const after = answers[2 * index + 1];
        const engine = routeReceivers(tree, labels).join(",");
        return before === after && before === engine ? [] : [{ labels, before, after, engine }];
      });
      expect(differences.slice(0, 5)).toEqual([]);
    },
    60_000,
  );
});
