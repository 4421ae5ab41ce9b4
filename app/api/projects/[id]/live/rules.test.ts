import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { startTestPrometheus, type TestPrometheus } from "@/lib/alerting/backtest/testing/prometheus";
import { waitFor } from "@/lib/testing/processes";
import { callRoute, createBasicProject, freshDataDir, type RouteHandler } from "@/lib/testing/route-calls";
import { makeTempDir } from "@/lib/tools/files";

/**
 * GET …/live/rules against a real Prometheus running a rule file: each of the project's alerting
 * rules with the state that Prometheus reports for the rule of that group and name (firing, with its
 * alerts), and the alerting rules only the Prometheus runs, marked as such.
 */

const dataDir = freshDataDir("obsforge-live-rules");
const promDir = makeTempDir("obsforge-live-rules-prom");
let prometheus: TestPrometheus;
let routes: {
  projects: typeof import("@/app/api/projects/route");
  project: typeof import("@/app/api/projects/[id]/route");
  rules: typeof import("./rules/route");
};
let id = "";
let group = "";
let alert = "";

beforeAll(async () => {
  routes = {
    projects: await import("@/app/api/projects/route"),
    project: await import("@/app/api/projects/[id]/route"),
    rules: await import("./rules/route"),
  };
  // The project first, to run one of its own rules (by group and name) in the Prometheus.
  const bare = await createBasicProject(routes, "live rules");
  const found = bare.project.ruleGroups.flatMap((g) =>
    g.rules.flatMap((rule) => (rule.kind === "alert" ? [{ group: g.name, alert: rule.alert }] : [])),
  )[0];
  if (!found) throw new Error("the basic template has no alerting rule");
  ({ group, alert } = found);
  const ruleFile = path.join(promDir, "rules.yml");
  writeFileSync(
    ruleFile,
    stringify({
      groups: [
        {
          name: group,
          interval: "1s",
          rules: [
            { alert, expr: "vector(1)", labels: { severity: "critical" } },
            { alert: "OnlyInPrometheus", expr: "vector(0) > 1" },
          ],
        },
      ],
    }),
  );
  prometheus = await startTestPrometheus({
    dir: promDir,
    config: () => ({ global: { evaluation_interval: "1s" }, rule_files: [ruleFile] }),
  });
  id = (await createBasicProject(routes, "live rules", prometheus.url)).id;
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  rmSync(promDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

interface RulesBody {
  rules: { group: string; alert: string; source: string; live?: { state: string; activeAlerts: number } }[];
  prometheusError?: string;
}

describe("GET /api/projects/{id}/live/rules", () => {
  it("joins the project's rules with the Prometheus's state, and lists the rules only it runs", async () => {
    const body = await waitFor(
      async () => {
        const response = await callRoute(
          routes.rules.GET as RouteHandler,
          { id },
          `/api/projects/${id}/live/rules`,
        );
        const json = (await response.json()) as RulesBody;
        const rule = json.rules.find((r) => r.group === group && r.alert === alert);
        return rule?.live?.state === "firing" ? json : undefined;
      },
      30_000,
      () => "the rule never showed as firing",
    );
    expect(body.prometheusError).toBeUndefined();
    expect(body.rules.find((r) => r.group === group && r.alert === alert)).toMatchObject({
      source: "both",
      live: { state: "firing", activeAlerts: 1 },
    });
    expect(body.rules.find((r) => r.alert === "OnlyInPrometheus")).toMatchObject({
      group,
      source: "prometheus",
      live: { state: "inactive", activeAlerts: 0 },
    });
    const others = body.rules.filter((r) => r.source === "project");
    expect(others.every((r) => r.live === undefined)).toBe(true);
  });
});
