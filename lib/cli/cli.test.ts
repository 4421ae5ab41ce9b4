import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../tools/files";
import { type CliResult, runCli } from "./run-cli";

/** The CLI as users run it: the real bin, in a child process. */
const root = path.resolve(import.meta.dirname, "../..");
const example = path.join(root, "examples/deployment.yaml");
const smallProject = path.join(root, "lib/generate/testdata/small.model.json");
const work = makeTempDir("obsforge-cli");
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]): CliResult {
  return runCli(work, ...args);
}

describe("obsforge generate", () => {
  it("writes a zip that is the same bytes every time", () => {
    const first = cli("generate", example, "--zip", "first.zip");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/wrote \d+ files to .*first\.zip/);
    expect(first.stderr).toContain("note: monitoring.alerts.channels[1].webhook_url");
    expect(cli("generate", example, "--zip", "second.zip").status).toBe(0);
    const a = readFileSync(path.join(work, "first.zip"));
    expect(a.equals(readFileSync(path.join(work, "second.zip")))).toBe(true);
    const entries = Object.keys(unzipSync(a));
    expect(entries).toEqual(
      expect.arrayContaining([
        "observability/prometheus/prometheus.yml",
        "observability/alertmanager/alertmanager.yml",
        "observability/docker-compose.yml",
        "observability/.env.example",
        "observability/README.md",
        "observability/alloy/config.alloy",
        "observability/kubernetes/prometheus-rule.yaml",
      ]),
    );
  });

  it("writes a directory, runs promtool and amtool with --check, and replaces it on the next run", () => {
    const out = path.join(work, "observability");
    const result = cli("generate", example, "--out", out, "--check");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("ok   promtool test rules");
    expect(result.stderr).toContain("ok   amtool check-config alertmanager/alertmanager.yml");
    writeFileSync(path.join(out, "stale.txt"), "left over");
    expect(cli("generate", example, "--out", out).status).toBe(0);
    expect(existsSync(path.join(out, "stale.txt"))).toBe(false);
    expect(existsSync(path.join(out, "prometheus/prometheus.yml"))).toBe(true);
  });

  it("exits 1 with the line of a bad condition and writes nothing", () => {
    const bad = path.join(work, "bad.yaml");
    writeFileSync(bad, readFileSync(example, "utf8").replace("cpu > 80%", "cpu > 80 percent"));
    const result = cli("generate", bad, "--out", "never");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${bad}:29:20: monitoring.alerts.rules[0].condition: cannot read condition "cpu > 80 percent"`,
    );
    expect(existsSync(path.join(work, "never"))).toBe(false);
  });
});

describe("obsforge bundle and validate", () => {
  it("bundles a project file", () => {
    const result = cli("bundle", smallProject, "--zip", "small.zip");
    expect(result.status, result.stderr).toBe(0);
  });

  it("lists every problem of a project with its path and exits 1", () => {
    const project = JSON.parse(readFileSync(smallProject, "utf8"));
    project.dashboards[0].panels[1].targets[0].expr = "sum(rate(x[5m])))";
    project.route.routes[0].receiver = "nobody";
    const file = path.join(work, "broken.json");
    writeFileSync(file, JSON.stringify(project));
    const result = cli("validate", file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}: dashboards[0].panels[1].targets[0].expr: parse error at 16: unexpected right parenthesis ')'`,
    );
    expect(result.stderr).toContain(
      `${file}: route.routes[0].receiver: undefined receiver "nobody" used in route`,
    );
    expect(cli("bundle", file, "--out", "nothing").status).toBe(1);
    expect(existsSync(path.join(work, "nothing"))).toBe(false);
  });

  it("reports malformed JSON and missing files as invalid input", () => {
    writeFileSync(path.join(work, "malformed.json"), "{ not json");
    expect(cli("validate", "malformed.json")).toMatchObject({ status: 1 });
    expect(cli("validate", "malformed.json").stderr).toMatch(/^malformed\.json: invalid JSON: /);
    expect(cli("validate", "missing.json").stderr).toBe("missing.json: no such file or directory\n");
  });

  it("validates a generated bundle directory with the real tools", () => {
    const out = path.join(work, "to-validate");
    expect(cli("bundle", smallProject, "--out", out).status).toBe(0);
    const result = cli("validate", out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("ok   promtool check rules");
    rmSync(path.join(out, "runbooks/FraiseQLDown.md"));
    const broken = cli("validate", out);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(
      'runbook_url "runbooks/FraiseQLDown.md" does not resolve to a runbook in the bundle',
    );
  });
});

describe("obsforge catalog and usage", () => {
  it("lists the catalog by level, as text and JSON", () => {
    const text = cli("catalog", "--level", "basic");
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("Dashboards at level basic");
    const json = JSON.parse(cli("catalog", "--json").stdout) as { dashboards: unknown[]; rules: unknown[] };
    expect(json.dashboards.length).toBe(9);
  });

  it.each([
    [[], 2],
    [["frobnicate"], 2],
    [["generate"], 2],
    [["generate", "x.yaml", "--out", "a", "--zip", "b.zip"], 2],
    [["catalog", "--level", "gold"], 2],
    [["--help"], 0],
    [["generate", "--help"], 0],
    [["validate", "--help"], 0],
  ])("obsforge %j exits %i", (args, code) => {
    const result = cli(...args);
    expect(result.status, result.stderr).toBe(code);
    // Help asked for goes to stdout; usage errors go to stderr only.
    if (code === 0) expect(result.stdout).toContain("Usage: obsforge");
    else expect(result.stdout).toBe("");
  });
});
