import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const example = readFileSync(path.join(import.meta.dirname, "../examples/deployment.yaml"), "utf8");

test("a deployment.yaml with a bad condition is refused with its path and line, creating nothing", async ({
  page,
  request,
  projectsList,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 400/);
  const bad = example.replace("condition: cpu > 80%", "condition: cpu > 80 percent");
  expect(bad).not.toBe(example);
  const line = bad.split("\n").findIndex((text) => text.includes("cpu > 80 percent")) + 1;

  const before = (await (await request.get("/api/projects")).json()) as unknown[];
  await projectsList.goto();
  await projectsList.submitDeploymentYaml("deployment.yaml", bad);

  const error = projectsList.apiError;
  await expect(error).toBeVisible();
  await expect(error).toContainText("invalid deployment.yaml");
  await expect(error.getByTestId("api-error-issues")).toContainText("monitoring.alerts.rules[0].condition");
  await expect(error.getByTestId("api-error-issues")).toContainText(`deployment.yaml:${line}:`);
  await expect(error.getByTestId("api-error-issues")).toContainText("cpu > 80 percent");
  expect(new URL(page.url()).pathname).toBe("/");

  const after = (await (await request.get("/api/projects")).json()) as unknown[];
  expect(after).toHaveLength(before.length);
});

test("the example deployment.yaml creates a project", async ({ projectsList, overview }) => {
  await projectsList.goto();
  await projectsList.submitDeploymentYaml("deployment.yaml", example);
  await projectsList.page.waitForURL(/\/projects\/[a-z0-9]+$/);
  await overview.expectLoaded("my-app", 1);
});
