import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { amtoolRoutes } from "../alerting/routing/testing/amtool-routes";
import { makeTempDir } from "../tools/files";
import { parseLabelSet } from "./routes-command";
import { REPO_ROOT, runCli } from "./run-cli";

/** `obsforge routes test` as users run it, on a real configuration imported with `obsforge import`, against amtool on the original. */
const corpus = path.join(REPO_ROOT, "lib/import/testdata/alertmanager/prometheus-alertmanager-simple.yml");
const work = makeTempDir("obsforge-cli-routes");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LABEL_SETS = [
  "service=foo1,severity=critical",
  "service=files,severity=critical",
  'service=database,owner="team-X",severity=critical',
  "service=database,owner=team-Y",
  "service=database,owner=team-X",
  "alertname=Anything",
  'service="bar, baz",severity=warning',
  "service=database",
  "service=files,severity=warning",
];

describe("obsforge routes test", () => {
  it("prints the receivers of each label set as amtool does for the imported file", async () => {
    const imported = runCli(work, "import", corpus, "--into", "am.obsforge.json");
    expect(imported.status, imported.stderr).toBe(0);
    writeFileSync(
      path.join(work, "sets.txt"),
      `# one label set a line\n${LABEL_SETS.slice(2).join("\n")}\n\n`,
    );
    const result = runCli(
      work,
      "routes",
      "test",
      "am.obsforge.json",
      "--labels",
      LABEL_SETS[0] as string,
      "--labels",
      LABEL_SETS[1] as string,
      "--labels-file",
      "sets.txt",
    );
    expect(result.status, result.stderr).toBe(0);
    const expected = await amtoolRoutes(
      LABEL_SETS.map((text) => ({ configFile: corpus, labels: parseLabelSet(text) })),
      work,
    );
    expect(result.stdout.split("\n").slice(0, -1)).toEqual(expected);
    expect(new Set(expected).size).toBe(5);
  }, 180_000);

  it("--explain shows the route that took each set and its grouping", () => {
    const imported = runCli(work, "import", corpus, "--into", "explain.obsforge.json");
    expect(imported.status, imported.stderr).toBe(0);
    const result = runCli(
      work,
      "routes",
      "test",
      "explain.obsforge.json",
      "--explain",
      "--labels",
      "service=database,owner=team-X",
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      "team-X-pager\n  route.routes[2].routes[0] → team-X-pager (grouped by alertname, cluster, database)\n",
    );
  }, 180_000);

  it("names the line of a bad label set and exits 1; no label sets is an error too", () => {
    writeFileSync(path.join(work, "bad.txt"), 'severity=critical\nteam=~"api"\n');
    const imported = runCli(work, "import", corpus, "--into", "bad.obsforge.json");
    expect(imported.status, imported.stderr).toBe(0);
    const bad = runCli(work, "routes", "test", "bad.obsforge.json", "--labels-file", "bad.txt");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe("bad.txt:2: labels must be specified as key=value pairs: team=~\n");
    const none = runCli(work, "routes", "test", "bad.obsforge.json");
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("no label sets");
  }, 180_000);
});
