import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateAlertmanager } from "../../generate/alertmanager";
import { parseProject } from "../../model";
import { seededRandom } from "../../promql/testing/mutate";
import { makeTempDir, writeFiles } from "../../tools/files";
import { resolveRouteTree, routeReceivers } from "./route-tree";
import { amtoolRoutes, type RoutesTestCase } from "./testing/amtool-routes";
import { RECEIVERS, randomLabelSet, randomRouteTree } from "./testing/random-routing";

const dir = makeTempDir("obsforge-routing");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("routing agrees with amtool config routes test", () => {
  it("on generated route trees (depth ≤ 4, continue, regexes, legacy match, inheritance) and label sets", async () => {
    const random = seededRandom(20261203);
    const TREES = 15;
    const LABEL_SETS = 80;
    const cases: (RoutesTestCase & { engine: string })[] = [];
    for (let t = 0; t < TREES; t++) {
      const project = parseProject({
        name: `generated ${t}`,
        receivers: RECEIVERS.map((name) => ({ name })),
        route: randomRouteTree(random),
      });
      const treeDir = path.join(dir, `tree-${t}`);
      writeFiles(treeDir, generateAlertmanager(project));
      const configFile = path.join(treeDir, "alertmanager/alertmanager.yml");
      const tree = resolveRouteTree(project.route);
      for (let l = 0; l < LABEL_SETS; l++) {
        const labels = randomLabelSet(random);
        cases.push({ configFile, labels, engine: routeReceivers(tree, labels).join(",") });
      }
    }
    const answers = await amtoolRoutes(cases, dir);
    const disagreements = cases
      .map((testCase, index) => ({ ...testCase, amtool: answers[index] }))
      .filter((testCase) => testCase.amtool !== testCase.engine);
    expect(disagreements.slice(0, 5)).toEqual([]);
    // Most label sets reach a non-root receiver, so the comparison is not trivially "root".
    expect(cases.filter((testCase) => testCase.engine !== "root").length).toBeGreaterThan(cases.length / 3);
    expect(cases.filter((testCase) => testCase.engine.includes(",")).length).toBeGreaterThan(50);
  }, 300_000);
});
