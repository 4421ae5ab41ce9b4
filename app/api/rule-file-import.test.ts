import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { generateBundle } from "@/lib/generate/bundle";
import { ProjectShapeSchema } from "@/lib/model/stored-project";
import { makeTempDir } from "@/lib/tools/files";
import { call, jsonInit } from "./testing/route-calls";

/**
 * POST /api/projects/{id}/rule-groups with `yaml`, called as Next.js calls it, over a fresh
 * embedded database: each group of the file a new rule group, exported as written; a file promtool
 * refuses is a 422 with its problems; a group name the project has refuses the whole file.
 */

process.env.OBSFORGE_DATA_DIR = makeTempDir("obsforge-rule-file-import");
delete process.env.DATABASE_URL;

type Json = any;

const TWO_GROUPS = `groups:
  - name: api-availability
    interval: 1m
    rules:
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total[5m]))
      - alert: ApiDown
        expr: up{job="api"} == 0
        for: 5m
        labels:
          severity: critical
        annotations:
          summary: "API {{ $labels.instance }} is down"
  - name: api-latency
    rules:
      - alert: ApiSlow
        expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 1.0
        for: 10m
        labels:
          severity: warning
`;

const BAD_RULE = `groups:
  - name: broken
    rules:
      - alert: NoExpr
        for: 5m
`;

describe("POST /api/projects/{id}/rule-groups with a rule file", () => {
  let projects: typeof import("./projects/route");
  let project: typeof import("./projects/[id]/route");
  let ruleGroups: typeof import("./projects/[id]/rule-groups/route");
  beforeAll(async () => {
    projects = await import("./projects/route");
    project = await import("./projects/[id]/route");
    ruleGroups = await import("./projects/[id]/rule-groups/route");
  });

  async function newProject(): Promise<{ id: string; version: number }> {
    const response = await call(projects.POST, {}, jsonInit("POST", { template: "basic", name: "Rules" }));
    expect(response.status).toBe(201);
    return response.json();
  }

  async function latest(id: string): Promise<Json> {
    return (await call(project.GET, { id })).json();
  }

  function post(id: string, body: unknown): Promise<Response> {
    return call(ruleGroups.POST, { id }, jsonInit("POST", body));
  }

  it("adds each group as a rule group in one version, exported as the file wrote it", async () => {
    const created = await newProject();
    const before = await latest(created.id);
    const response = await post(created.id, { yaml: TWO_GROUPS });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.version).toBe(created.version + 1);
    expect(body.groups.map((group: Json) => group.name)).toEqual(["api-availability", "api-latency"]);
    expect(body.report[0]).toBe("Prometheus rule file: 2 groups, 3 rules (2 alerting, 1 recording)");
    expect(body.report).toContain('  group "api-latency": 1 rule (1 alerting, 0 recording)');

    const after = await latest(created.id);
    expect(after.version).toBe(created.version + 1);
    expect(after.project.ruleGroups.map((group: Json) => group.name)).toEqual([
      ...before.project.ruleGroups.map((group: Json) => group.name),
      "api-availability",
      "api-latency",
    ]);
    // The bundle's rule files hold the groups exactly as the file wrote them.
    const files = generateBundle(ProjectShapeSchema.parse(after.project));
    const wanted = parseYaml(TWO_GROUPS).groups as Json[];
    const exported = files
      .filter((file) => /\.ya?ml$/.test(file.path) && /^groups:/m.test(file.content))
      .filter((file) => wanted.some((group) => file.content.includes(group.name)))
      .flatMap((file) => (parseYaml(file.content)?.groups ?? []) as Json[]);
    for (const group of wanted)
      expect(exported.find((candidate) => candidate.name === group.name)).toEqual(group);
  });

  it("takes PrometheusRule resources, several documents in one text", async () => {
    const created = await newProject();
    const resource = (name: string, group: string): string =>
      `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: ${name}\nspec:\n  groups:\n    - name: ${group}\n      rules:\n        - alert: ${name}Down\n          expr: up == 0\n`;
    const response = await post(created.id, {
      yaml: `${resource("a", "k8s-a")}---\n${resource("b", "k8s-b")}`,
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.groups.map((group: Json) => group.name)).toEqual(["k8s-a", "k8s-b"]);
    expect(body.report[0]).toMatch(/^PrometheusRule: 2 groups/);
  });

  it("answers 422 with promtool's problem, by group and rule, and adds nothing", async () => {
    const created = await newProject();
    const response = await post(created.id, { yaml: BAD_RULE });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toMatch(/not an importable Prometheus rule file/);
    expect(body.issues).toHaveLength(1);
    expect(body.issues[0]).toMatchObject({ path: "yaml", severity: "error" });
    expect(body.issues[0].message).toMatch(/group "broken", rule 1, "NoExpr"/);
    expect(body.issues[0].message).toMatch(/field 'expr' must be set in rule/);
    expect((await latest(created.id)).version).toBe(created.version);
  });

  it("answers 422 for YAML that is no rule file", async () => {
    const created = await newProject();
    const response = await post(created.id, {
      yaml: "route:\n  receiver: team\nreceivers:\n  - name: team\n",
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatch(/not a Prometheus rule file/);
    expect((await latest(created.id)).version).toBe(created.version);
  });

  it("refuses the whole file with 409 naming the group when one name is taken", async () => {
    const created = await newProject();
    const empty = await post(created.id, { name: "api-latency" });
    expect(empty.status).toBe(201);
    const before = await latest(created.id);
    const response = await post(created.id, { yaml: TWO_GROUPS });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(/api-latency/);
    const after = await latest(created.id);
    expect(after.version).toBe(before.version);
    expect(after.project.ruleGroups.some((group: Json) => group.name === "api-availability")).toBe(false);
  });
});
