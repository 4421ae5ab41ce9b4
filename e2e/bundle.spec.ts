import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { runTool, unzipBundle } from "./bundle-tools";
import { expect, test, uniqueName } from "./fixtures";

test("a project from the standard template persists and downloads a bundle the real tools accept", async ({
  page,
  projectsList,
  overview,
}) => {
  const name = uniqueName("Shop API");
  await projectsList.goto();
  const id = await projectsList.createFromTemplate({ name, level: "standard", version: "v2" });
  await overview.expectLoaded(name, 1);
  await expect(overview.validation).toBeVisible();

  await page.reload();
  await overview.expectLoaded(name, 1);
  await projectsList.goto();
  await expect(projectsList.row(name)).toContainText("standard");
  await projectsList.row(name).getByRole("link", { name }).click();
  await overview.expectLoaded(name, 1);
  expect(new URL(page.url()).pathname).toBe(`/projects/${id}`);

  const download = await overview.downloadBundle();
  expect(download.suggestedFilename()).toMatch(/^shop-api-[a-z0-9-]+-observability-v1\.zip$/);
  const zipPath = await download.path();
  const { dir, entries } = unzipBundle(new Uint8Array(readFileSync(zipPath)));
  const root = path.join(dir, "observability");
  expect(entries).toContain("observability/prometheus/prometheus.yml");
  expect(entries).toContain("observability/alertmanager/alertmanager.yml");

  const rules = entries
    .filter((entry) => entry.startsWith("observability/prometheus/rules/") && entry.endsWith(".yml"))
    .map((entry) => entry.slice("observability/".length));
  const tests = entries
    .filter((entry) => entry.startsWith("observability/prometheus/tests/") && entry.endsWith(".yml"))
    .map((entry) => path.basename(entry));
  expect(rules.length).toBeGreaterThan(0);
  expect(tests.length).toBeGreaterThan(0);

  const runs = [
    runTool("promtool", ["check", "config", "--syntax-only", "prometheus/prometheus.yml"], root),
    runTool("promtool", ["check", "rules", ...rules], root),
    // promtool resolves a test file's rule_files relative to the test file's folder.
    runTool("promtool", ["test", "rules", ...tests], path.join(root, "prometheus/tests")),
    runTool("amtool", ["check-config", "alertmanager/alertmanager.yml"], root),
  ];
  rmSync(dir, { recursive: true, force: true });
  for (const run of runs) {
    expect(run.status, `${run.command}\n${run.output}`).toBe(0);
  }
});
