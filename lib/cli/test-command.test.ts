import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../tools/files";
import { REPO_ROOT, runCli } from "./run-cli";

/** `obsforge test` as users run it: the real bin, the real promtool. */
const smallProject = path.join(REPO_ROOT, "lib/generate/testdata/small.model.json");
const work = makeTempDir("obsforge-cli-test");
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("obsforge test", () => {
  it("prints ok per case and exits 0 when all pass", () => {
    const result = runCli(work, "test", smallProject);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        "ok   shop-availability / FraiseQLDown case 1",
        "ok   shop-availability / FraiseQLDown case 2",
        "ok   shop-availability / FraiseQLHighErrorRate case 1",
        "ok   shop-availability / FraiseQLHighErrorRate case 2",
        "4 cases passed",
        "",
      ].join("\n"),
    );
  });

  it("shows promtool's message under a deliberately wrong case and exits 1", () => {
    const project = JSON.parse(readFileSync(smallProject, "utf8"));
    // The series is 1 (up): the alert cannot fire, so expecting it is wrong.
    project.ruleGroups[0].rules[1].tests[1].fires = true;
    project.ruleGroups[0].rules[1].tests[1].description = "wrongly expects a firing alert";
    const file = path.join(work, "wrong.json");
    writeFileSync(file, JSON.stringify(project));
    const result = runCli(work, "test", file);
    expect(result.status, result.stderr).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("ok   shop-availability / FraiseQLDown case 1");
    expect(lines[1]).toBe("FAIL shop-availability / FraiseQLDown case 2 (wrongly expects a firing alert)");
    expect(result.stdout).toContain("alertname: FraiseQLDown, time: 5m");
    expect(result.stdout).toContain("exp:");
    expect(result.stdout).toContain("got:[]");
    expect(result.stdout).toContain("ok   shop-availability / FraiseQLHighErrorRate case 2");
    expect(result.stdout).toContain("1 of 4 cases failed");
  });

  it("exits 2 naming the file and the problem of an invalid project", () => {
    const bad = path.join(work, "bad.json");
    writeFileSync(bad, "{ not json");
    const result = runCli(work, "test", bad);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${bad}: invalid JSON`);
    const project = JSON.parse(readFileSync(smallProject, "utf8"));
    project.ruleGroups[0].rules[1].for = "5x";
    const invalid = path.join(work, "invalid.json");
    writeFileSync(invalid, JSON.stringify(project));
    const refused = runCli(work, "test", invalid);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${invalid}: ruleGroups[0].rules[1].for: bad duration "5x"`);
  });

  it("exits 2 when promtool is not on PATH", () => {
    const result = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, "bin/obsforge.mjs"), "test", smallProject],
      {
        cwd: work,
        encoding: "utf8",
        env: { ...process.env, PATH: "/nonexistent" },
        timeout: 120_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `promtool not found on PATH: cannot run the 4 rule tests of ${smallProject}\n`,
    );
  });
});
