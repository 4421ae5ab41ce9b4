import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { mutateText, mutateValue, seededRandom } from "@/lib/import/fuzz/mutate";
import type { Project } from "@/lib/model";
import { type CreatedProject, callRoute, freshDataDir, type RouteHandler } from "@/lib/testing/route-calls";

/**
 * Every API route that takes a body, found from the file system (a new route is fuzzed without
 * anyone remembering to add it), called through its real handler on PGlite with thousands of
 * mutated bodies: deep nesting, huge strings, NUL and lone surrogates, prototype keys, numbers past
 * 2^31, wrong types, duplicated entries, broken JSON. Never a 500, never a hang, always an answer
 * with a message; a refused write leaves the stored project as it was.
 *
 * No call leaves the machine: outgoing calls are allowed only to 127.0.0.1:1 (nothing listens
 * there), so the preview, backtest and Alertmanager routes are refused by the policy before any
 * DNS lookup (lib/security/outbound-policy.ts).
 */

const API_DIR = path.resolve(import.meta.dirname);
const ITERATIONS = Number(process.env.OBSFORGE_FUZZ_ITERATIONS ?? 100);
/** Each call runs promtool: fewer, or the file takes minutes. */
const SLOW_ROUTES: Readonly<Record<string, number>> = { "projects/[id]/rule-tests POST": 8 };
const BODY_METHODS = ["POST", "PUT", "PATCH"] as const;
const NOWHERE = "http://127.0.0.1:1";

interface RouteFile {
  /** Path under app/api, e.g. `projects/[id]/dashboards/[uid]`. */
  route: string;
  file: string;
}

function routeFiles(dir: string, prefix = ""): RouteFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return routeFiles(path.join(dir, entry.name), relative);
    return entry.name === "route.ts" ? [{ route: prefix, file: path.join(dir, entry.name) }] : [];
  });
}

interface State {
  id: string;
  version: number;
  project: Project;
  template: string;
  deploymentYaml: string;
  grafana: unknown;
}

/** Realistic bodies per route, each mutated; a route without any is fuzzed from `{}` and a project. */
const SEEDS: Readonly<Record<string, (state: State) => unknown[]>> = {
  "projects POST": (s) => [
    { template: "basic", name: "Fuzz" },
    { empty: true, name: "Fuzz" },
    { project: s.project },
    { deploymentYaml: s.deploymentYaml },
  ],
  "projects/[id] PUT": (s) => [{ version: s.version, project: s.project, message: "fuzz" }],
  "projects/[id]/dashboards POST": (s) => [
    { title: "Fuzz" },
    { template: "node" },
    { grafana: s.grafana },
    { dashboard: s.project.dashboards[0] },
  ],
  "projects/[id]/rule-groups POST": (s) => [
    { name: "fuzz" },
    { yaml: "groups:\n- name: fuzz\n  rules:\n  - alert: Down\n    expr: up == 0\n    for: 5m\n" },
    { group: s.project.ruleGroups[0] },
  ],
  "projects/[id]/rule-tests POST": (s) => [{ group: s.project.ruleGroups[0]?.name }],
  "projects/[id]/preview/annotations POST": () => [
    {
      rule: {
        alert: "Down",
        expr: "up == 0",
        labels: { severity: "page" },
        annotations: { summary: "{{ $labels.instance }} is down" },
      },
      series: { instance: "a" },
      time: 1_700_000_000,
    },
  ],
  "projects/[id]/preview/lint POST": () => [{ expressions: ["up", "rate(http_requests_total[5m])"] }],
  "projects/[id]/preview/test-connection POST": () => [{ url: NOWHERE }, { datasource: { url: NOWHERE } }],
  "projects/[id]/preview/[...endpoint] POST": () => [{ query: "up", time: "1700000000" }],
  "projects/[id]/revisions/[version]/restore POST": () => [{ message: "fuzz" }],
  "projects/[id]/rule-groups/[name]/backtest POST": () => [{ rule: 0, window: "1h" }],
  "projects/[id]/rule-groups/[name]/backtest/test-case POST": () => [{ rule: 0, start: 0, end: 3600 }],
  "projects/[id]/secrets/[name] PUT": () => [{ value: "s3cret" }],
  "projects/[id]/templates/[name] POST": (s) => [{ version: s.version }],
  "projects/[id]/live/alerts/[fingerprint]/acknowledge POST": () => [
    { author: "fuzz", comment: "looking", duration: "1h" },
  ],
};

/** The route's dynamic segments, filled from the project. */
function paramsOf(route: string, state: State): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const segments = route.split("/");
  segments.forEach((segment, index) => {
    const name = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1];
    if (!name) return;
    const parent = segments[index - 1];
    if (segment.startsWith("[...")) params[name] = ["query"];
    else if (name === "id") params.id = state.id;
    else if (name === "uid") params.uid = state.project.dashboards[0]?.uid ?? "none";
    else if (name === "version") params.version = "1";
    else if (name === "name" && parent === "rule-groups")
      params.name = state.project.ruleGroups[0]?.name ?? "none";
    else if (name === "name" && parent === "templates") params.name = state.template;
    else if (name === "name") params.name = "FUZZ_SECRET";
    else params[name] = "f00d";
  });
  return params;
}

function urlOf(route: string, params: Record<string, unknown>): string {
  const filled = route.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_whole, name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value.join("/") : encodeURIComponent(String(value));
  });
  return `/api/${filled}`;
}

let dataDir = "";
const state = {} as State;
type Module = Partial<Record<string, RouteHandler>>;
let projectRoutes: { GET: RouteHandler; PUT: RouteHandler };
let listRoute: { GET: RouteHandler; POST: RouteHandler };

async function snapshot(): Promise<string> {
  const [one, all] = await Promise.all([
    callRoute(projectRoutes.GET, { id: state.id }, `/api/projects/${state.id}`),
    callRoute(listRoute.GET, {}, "/api/projects"),
  ]);
  return `${await one.text()}\n${await all.text()}`;
}

async function refresh(): Promise<void> {
  const record = (await (
    await callRoute(projectRoutes.GET, { id: state.id }, `/api/projects/${state.id}`)
  ).json()) as CreatedProject;
  state.version = record.version;
  state.project = record.project;
}

beforeAll(async () => {
  dataDir = freshDataDir("obsforge-fuzz-");
  // Every outgoing call goes nowhere, refused by the policy before any lookup.
  process.env.OBSFORGE_ALLOW_PRIVATE_NETWORKS = "0";
  process.env.OBSFORGE_ALLOWED_HOSTS = "127.0.0.1:1";
  listRoute = (await import("@/app/api/projects/route")) as unknown as typeof listRoute;
  projectRoutes = (await import("@/app/api/projects/[id]/route")) as unknown as typeof projectRoutes;
  const created = (await (
    await callRoute(listRoute.POST, {}, "/api/projects", {
      method: "POST",
      body: JSON.stringify({ template: "basic", name: "Fuzzed" }),
      headers: { "content-type": "application/json" },
    })
  ).json()) as CreatedProject;
  state.id = created.id;
  const templates = (await import("@/lib/catalog/apply-template")).templateSummaries() as {
    name?: string;
    id?: string;
  }[];
  state.template = templates[0]?.name ?? templates[0]?.id ?? "none";
  state.deploymentYaml = readFileSync(path.resolve(API_DIR, "../../examples/deployment.yaml"), "utf8");
  state.grafana = JSON.parse(
    readFileSync(
      path.resolve(API_DIR, "../../lib/dashboard/testdata/node-exporter-full.grafana.json"),
      "utf8",
    ),
  );
  await refresh();
}, 120_000);

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
  delete process.env.OBSFORGE_ALLOW_PRIVATE_NETWORKS;
  delete process.env.OBSFORGE_ALLOWED_HOSTS;
});

/** A section's PUT: its own GET's content at the current version. */
async function sectionSeeds(
  module: Module,
  route: string,
  params: Record<string, unknown>,
): Promise<unknown[]> {
  const get = module.GET;
  if (!get) return [];
  const response = await callRoute(get, params, urlOf(route, params));
  if (response.status !== 200) return [];
  const record = (await response.json()) as { version?: number; content?: unknown; project?: unknown };
  if ("content" in record) return [{ version: state.version, content: record.content }];
  return [];
}

/**
 * The body as JSON text; nesting too deep for JSON.stringify here (mutations land inside deep
 * values) is written out by hand, deeper still, as a client could send it.
 */
function bodyText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return `{"version":${state.version},"content":${"[".repeat(50_000)}${"]".repeat(50_000)},"project":{"a":${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}}}`;
  }
}

const routes = routeFiles(API_DIR).flatMap(({ route, file }) => {
  const source = readFileSync(file, "utf8");
  return BODY_METHODS.filter((method) =>
    new RegExp(`export (const|async function) ${method}\\b`).test(source),
  ).map((method) => ({ route, file, method }));
});

describe("API bodies, mutated", () => {
  it("finds the routes that take a body", () => {
    expect(routes.map(({ route, method }) => `${route} ${method}`)).toEqual(
      expect.arrayContaining(["projects POST", "projects/[id] PUT", "projects/[id]/dashboards POST"]),
    );
  });

  it.each(routes)(
    "$route $method: never a 500, never a hang, a refused write changes nothing",
    async ({ route, file, method }) => {
      const module = (await import(file)) as Module;
      const handler = module[method];
      if (!handler) throw new Error(`${file} exports no ${method}`);
      const key = `${route} ${method}`;
      const iterations = SLOW_ROUTES[key] ?? ITERATIONS;
      const random = seededRandom(`${key}`.length * 7919 + 17);
      const statuses = new Map<number, number>();
      for (let n = 0; n < iterations; n++) {
        const params = paramsOf(route, state);
        const seeds = [
          ...(SEEDS[key]?.(state) ?? []),
          ...(method === "PUT" ? await sectionSeeds(module, route, params) : []),
          {},
          { version: state.version },
        ];
        const seed = seeds[Math.floor(random() * seeds.length)];
        const text =
          random() < 0.1 ? mutateText(JSON.stringify(seed), random) : bodyText(mutateValue(seed, random));
        const before = await snapshot();
        const call = callRoute(handler, params, urlOf(route, params), {
          method,
          body: text,
          headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) },
        });
        let timer: NodeJS.Timeout | undefined;
        const hung = new Promise<"hung">((resolve) => {
          timer = setTimeout(() => resolve("hung"), 30_000);
        });
        const response = await Promise.race([call, hung]);
        clearTimeout(timer);
        const input = text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
        if (response === "hung") throw new Error(`${key} did not answer within 30 s to ${input}`);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const answer = await response.text();
        if (response.status >= 500 && ![502, 503, 504].includes(response.status)) {
          throw new Error(`${key} answered ${response.status} ${answer.slice(0, 300)} to ${input}`);
        }
        if (response.status >= 400) {
          const error = (JSON.parse(answer) as { error?: unknown }).error;
          if (typeof error !== "string" || error.trim() === "") {
            throw new Error(
              `${key} answered ${response.status} without a message (${answer.slice(0, 200)}) to ${input}`,
            );
          }
          const after = await snapshot();
          if (after !== before)
            throw new Error(
              `${key} answered ${response.status} but changed the stored project, for ${input}`,
            );
        } else {
          await refresh();
        }
      }
      // Most mutated bodies are refused; some are fine, and a route that refused everything would test little.
      expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
    },
  );
});
