import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveRouteTree, routeReceivers } from "../../alerting/routing/route-tree";
import { amtoolRoutes, type RoutesTestCase } from "../../alerting/routing/testing/amtool-routes";
import { generateAlertmanager } from "../../generate/alertmanager";
import { parseProject } from "../../model";
import { expectToolAccepts } from "../../testing/run-tool";
import { makeTempDir, writeFiles } from "../../tools/files";
import { importAlertmanagerConfig, importReportLines } from ".";
import { labelSets, vocabulary } from "./testing/routing-oracle";

const CORPUS = path.join(import.meta.dirname, "../testdata/alertmanager");
const FILES = readdirSync(CORPUS).filter((name) => name.endsWith(".yml"));
const dir = makeTempDir("obsforge-am-corpus");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
