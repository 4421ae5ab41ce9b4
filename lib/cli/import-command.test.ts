import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../tools/files";
import { type CliResult, runCli } from "./run-cli";

/** `obsforge import` as users run it: the real bin, in a child process, on the real test exports. */
const root = path.resolve(import.meta.dirname, "../..");
const testdata = path.join(root, "lib/dashboard/testdata");
const modern = path.join(testdata, "modern.grafana.json");
const nodeExporter = path.join(testdata, "node-exporter-full.grafana.json");
const lokiPostgres = path.join(testdata, "loki-postgres.grafana.json");
const smallProject = path.join(root, "lib/generate/testdata/small.model.json");
const work = makeTempDir("obsforge-cli-import");
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]): CliResult {
  return runCli(work, ...args);
}

function readProject(file: string): any {
  return JSON.parse(readFileSync(path.join(work, file), "utf8"));
}

describe("obsforge import", () => {
  it("creates the project file with the dashboards, prints each report, and the result validates", () => {
    const result = cli("import", modern, nodeExporter, "--into", "shop.obsforge.json");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n");
    expect(lines[0]).toBe(
      'shop.obsforge.json: not found: a new project "shop", with Prometheus (prometheus, http://prometheus:9090), Application database (postgres, postgres:5432)',
    );
    expect(lines).toContain(
      `${modern}: Grafana dashboard "Shop API overview" (uid shop-api-overview): 8 panels: 7 editable, 1 kept as raw JSON`,
    );
    expect(lines).toContain(
      `    panels[7]: panel type "text" has no model equivalent; kept as raw JSON in the dashboard's extra`,
    );
    expect(lines).toContain(
      `${nodeExporter}: Grafana dashboard "Node Exporter Full" (uid rYdddlPWk): 23 panels: 23 editable, 0 kept as raw JSON`,
    );
    expect(result.stderr).toContain(
      "wrote shop.obsforge.json: 2 files imported, 2 dashboards in the project\n",
    );

    const project = readProject("shop.obsforge.json");
    expect(project.name).toBe("shop");
    expect(project.dashboards.map((dashboard: { uid: string }) => dashboard.uid)).toEqual([
      "shop-api-overview",
      "rYdddlPWk",
    ]);
    expect(
      project.dashboards[1].panels.filter((panel: { type: string }) => panel.type !== "row"),
    ).toHaveLength(23);
    // Written as Export JSON writes a project, through a temp file renamed into place.
    expect(readFileSync(path.join(work, "shop.obsforge.json"), "utf8")).toBe(
      `${JSON.stringify(project, null, 2)}\n`,
    );
    expect(readdirSync(work).filter((name) => name.includes(".tmp-"))).toEqual([]);
    const validated = cli("validate", "shop.obsforge.json");
    expect(validated.status, validated.stderr).toBe(0);
  });

  it("adds to an existing project file, and refuses a uid it already has, writing nothing", () => {
    copyFileSync(smallProject, path.join(work, "small.json"));
    const before = readProject("small.json");
    const added = cli("import", lokiPostgres, "--into", "small.json");
    expect(added.status, added.stderr).toBe(0);
    expect(added.stderr).toContain(
      `${lokiPostgres}: Grafana dashboard "Shop API logs & audit" (uid shop-api-logs-audit): 7 panels: 6 editable, 1 kept as raw JSON`,
    );
    const after = readProject("small.json");
    expect(after.dashboards.map((dashboard: { uid: string }) => dashboard.uid)).toEqual([
      ...before.dashboards.map((dashboard: { uid: string }) => dashboard.uid),
      "shop-api-logs-audit",
    ]);
    expect(after.datasources.map((datasource: { uid: string }) => datasource.uid)).toEqual(
      before.datasources.map((datasource: { uid: string }) => datasource.uid),
    );

    const bytes = readFileSync(path.join(work, "small.json"));
    const again = cli("import", lokiPostgres, "--into", "small.json");
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      [
        `${lokiPostgres}: the project already has a dashboard with uid "shop-api-logs-audit": import it under another uid (--uid shop-api-logs-audit-2) or in place of that dashboard (--replace)`,
        "nothing written to small.json: 1 of 1 file could not be imported",
        "",
      ].join("\n"),
    );
    expect(readFileSync(path.join(work, "small.json")).equals(bytes)).toBe(true);
  });

  it("stores a dashboard under --uid, and replaces the project's dashboard of its uid with --replace", () => {
    copyFileSync(smallProject, path.join(work, "flags.json"));
    const before = readProject("flags.json").dashboards.map((dashboard: { uid: string }) => dashboard.uid);
    const first = cli("import", lokiPostgres, "--into", "flags.json");
    expect(first.status, first.stderr).toBe(0);

    const second = cli("import", lokiPostgres, "--into", "flags.json", "--uid", "logs-copy");
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain(
      `${lokiPostgres}: Grafana dashboard "Shop API logs & audit" (uid logs-copy)`,
    );
    const copies = readProject("flags.json").dashboards;
    expect(copies.map((dashboard: { uid: string }) => dashboard.uid)).toEqual([
      ...before,
      "shop-api-logs-audit",
      "logs-copy",
    ]);

    // An edited export replaces the dashboard of its uid in place; the copy stays.
    const edited = JSON.parse(readFileSync(lokiPostgres, "utf8"));
    // Without a uid the file's would come from its title: give it the one in the project.
    edited.title = "Shop API logs (v2)";
    edited.uid = "shop-api-logs-audit";
    writeFileSync(path.join(work, "logs-v2.json"), JSON.stringify(edited));
    const replaced = cli("import", "logs-v2.json", "--into", "flags.json", "--replace");
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(replaced.stderr).toContain(
      `logs-v2.json: Grafana dashboard "Shop API logs (v2)" (uid shop-api-logs-audit): 7 panels: 6 editable, 1 kept as raw JSON\n  replaces the project's dashboard "Shop API logs & audit" with that uid\n`,
    );
    const after = readProject("flags.json").dashboards;
    expect(after.map((dashboard: { uid: string }) => dashboard.uid)).toEqual([
      ...before,
      "shop-api-logs-audit",
      "logs-copy",
    ]);
    expect(after.map((dashboard: { title: string }) => dashboard.title).slice(-2)).toEqual([
      "Shop API logs (v2)",
      "Shop API logs & audit",
    ]);

    // One uid for two files is a usage error; an invalid uid is the model's error; nothing written.
    const bytes = readFileSync(path.join(work, "flags.json"));
    const two = cli("import", lokiPostgres, modern, "--into", "flags.json", "--uid", "x");
    expect(two.status).toBe(2);
    expect(two.stderr).toContain("--uid names the uid of one dashboard; 2 files given");
    const bad = cli("import", modern, "--into", "flags.json", "--uid", "not a uid!");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("nothing written to flags.json");
    expect(readFileSync(path.join(work, "flags.json")).equals(bytes)).toBe(true);
  });

  it("exits 1 with every file's report when one cannot be read or converted, and writes nothing", () => {
    writeFileSync(path.join(work, "broken.json"), '{ "title": "half a dashboard", ');
    writeFileSync(
      path.join(work, "rules.yml"),
      "groups:\n  - name: api\n    rules:\n      - alert: Down\n        expr: up ==\n",
    );
    writeFileSync(path.join(work, "notes.md"), "# Notes\nsee: the: dashboard\n");
    const result = cli(
      "import",
      modern,
      "broken.json",
      "rules.yml",
      "missing.json",
      "notes.md",
      "--into",
      "never.json",
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.split("\n");
    expect(lines).toContain(
      `${modern}: Grafana dashboard "Shop API overview" (uid shop-api-overview): 8 panels: 7 editable, 1 kept as raw JSON`,
    );
    expect(lines.find((line) => line.startsWith("broken.json: "))).toMatch(/^broken\.json: invalid JSON: /);
    expect(lines).toContain(
      "rules.yml: not an importable Prometheus rule file (1 problem promtool check rules reports):",
    );
    expect(lines).toContain(
      '  5:15: group "api", rule 1, "Down": could not parse expression: 1:6: parse error: unexpected end of input',
    );
    expect(lines).toContain("missing.json: no such file");
    expect(lines.find((line) => line.startsWith("notes.md: "))).toMatch(
      /^notes\.md: neither JSON nor YAML: /,
    );
    expect(lines).toContain("nothing written to never.json: 4 of 5 files could not be imported");
    expect(existsSync(path.join(work, "never.json"))).toBe(false);
  });

  it("recognises a Grafana dashboard by its content, not by the file's name", () => {
    copyFileSync(nodeExporter, path.join(work, "export.txt"));
    const byContent = cli("import", "export.txt", "--into", "by-content.json");
    expect(byContent.status, byContent.stderr).toBe(0);
    expect(byContent.stderr).toContain(
      'export.txt: Grafana dashboard "Node Exporter Full" (uid rYdddlPWk): 23 panels',
    );
    // A project file named like a Grafana export is still no dashboard.
    copyFileSync(smallProject, path.join(work, "looks-like.grafana.json"));
    const byName = cli("import", "looks-like.grafana.json", "--into", "by-name.json");
    expect(byName.status).toBe(1);
    expect(byName.stderr).toContain(
      "looks-like.grafana.json: not a Grafana dashboard, Prometheus rule file, PrometheusRule or Alertmanager configuration\n",
    );
    expect(existsSync(path.join(work, "by-name.json"))).toBe(false);
  });

  it("exits 1 with the model's issues, paths inside the dashboard, when the project cannot hold it", () => {
    // A new project file gets the datasources its first dashboard queries: Prometheus only.
    expect(cli("import", nodeExporter, "--into", "no-postgres.json").status).toBe(0);
    expect(readProject("no-postgres.json").datasources.map((d: { type: string }) => d.type)).toEqual([
      "prometheus",
    ]);
    const bytes = readFileSync(path.join(work, "no-postgres.json"));
    const result = cli("import", lokiPostgres, "--into", "no-postgres.json");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("  the project would be invalid with it (");
    expect(result.stderr).toContain(
      "    panels[2].targets[0].datasource: no postgres datasource in the project for this sql query\n",
    );
    expect(readFileSync(path.join(work, "no-postgres.json")).equals(bytes)).toBe(true);
  });

  it("documents itself and exits 2 on a usage error", () => {
    const help = cli("import", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: obsforge import [options] <files...>");
    expect(help.stdout).toContain("--into <project.json>");
    expect(help.stdout).toContain("Each group of a rule file becomes a rule group");
    expect(cli("--help").stdout).toContain("import [options] <files...>");
    const noInto = cli("import", modern);
    expect(noInto.status).toBe(2);
    expect(noInto.stderr).toContain("required option '--into <project.json>' not specified");
    expect(cli("import", "--into", "x.json").status).toBe(2);
    const intoDirectory = cli("import", modern, "--into", ".");
    expect(intoDirectory.status).toBe(1);
    expect(intoDirectory.stderr).toBe(".: is a directory; --into takes a project .json file\n");
  });
});
