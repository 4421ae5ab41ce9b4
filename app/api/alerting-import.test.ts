import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { getDb } from "@/lib/db/client";
import { extractImportedSecrets, importAlertmanagerConfig } from "@/lib/import/alertmanager";
import { routingDifferences } from "@/lib/import/alertmanager/testing/routing-oracle";
import { mutateText, seededRandom, yamlAliasBomb } from "@/lib/import/fuzz/mutate";
import { makeTempDir } from "@/lib/tools/files";
import { call, jsonInit } from "./testing/route-calls";

/**
 * POST /api/projects/{id}/alerting/import, called as Next.js calls it, over a fresh embedded
 * database, on the committed corpus of real alertmanager.yml files: the answer writes nothing and
 * holds no secret value; saved through the alerting section's PUT, the secrets are stored
 * encrypted, and the bundle's alertmanager.yml passes `amtool check-config` and routes label sets
 * built from the file's matchers as the file does (`amtool config routes test` on both).
 */

process.env.OBSFORGE_DATA_DIR = makeTempDir("obsforge-alerting-import");
delete process.env.DATABASE_URL;

type Json = any;

const CORPUS = path.join(process.cwd(), "lib/import/testdata/alertmanager");
const FILES = readdirSync(CORPUS).filter((name) => name.endsWith(".yml"));
const work = makeTempDir("obsforge-alerting-import-work");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The literal secrets of a file, as they would appear as a JSON value (the corpus holds words like "password"). */
function secretValues(text: string): string[] {
  const { secrets } = extractImportedSecrets(importAlertmanagerConfig(parse(text)).alerting);
  return secrets.map((secret) => `:${JSON.stringify(secret.value)}`);
}

/** Values no test data contains by chance: a hit is a leak. */
const token = (what: string): string => `${what}-${Math.random().toString(36).slice(2)}-LEAKCHECK`;

const TOKENS = {
  smtp: token("smtp"),
  slack: token("slack"),
  routingKey: token("routing"),
  opsgenie: token("opsgenie"),
  bearer: token("bearer"),
};

const TOKENISED = `
global:
  smtp_smarthost: localhost:25
  smtp_from: am@example.org
  smtp_auth_username: am
  smtp_auth_password: ${TOKENS.smtp}
route:
  receiver: pager
  routes:
    - receiver: ops
      match: { team: ops }
    - receiver: genie
      matchers: [team=~"genie|gnome"]
receivers:
  - name: pager
    pagerduty_configs:
      - routing_key: ${TOKENS.routingKey}
  - name: ops
    slack_configs:
      - api_url: https://hooks.slack.com/services/${TOKENS.slack}
        channel: "#ops"
    webhook_configs:
      - url: https://hooks.example.org/ops
        http_config:
          authorization: { credentials: ${TOKENS.bearer} }
  - name: genie
    opsgenie_configs:
      - api_key: ${TOKENS.opsgenie}
`;

describe("POST /api/projects/{id}/alerting/import", () => {
  let projects: typeof import("./projects/route");
  let project: typeof import("./projects/[id]/route");
  let alerting: typeof import("./projects/[id]/alerting/route");
  let importRoute: typeof import("./projects/[id]/alerting/import/route");
  let bundle: typeof import("./projects/[id]/bundle/route");
  let secrets: typeof import("./projects/[id]/secrets/route");
  beforeAll(async () => {
    projects = await import("./projects/route");
    project = await import("./projects/[id]/route");
    alerting = await import("./projects/[id]/alerting/route");
    importRoute = await import("./projects/[id]/alerting/import/route");
    bundle = await import("./projects/[id]/bundle/route");
    secrets = await import("./projects/[id]/secrets/route");
    // Opens the embedded database (migrations, the test account) once, outside any one test's time.
    await call(projects.GET, {});
  }, 300_000);

  async function newProject(): Promise<{ id: string; version: number }> {
    const response = await call(projects.POST, {}, jsonInit("POST", { template: "basic", name: "Paging" }));
    expect(response.status).toBe(201);
    return response.json();
  }

  async function latestVersion(id: string): Promise<number> {
    return ((await (await call(project.GET, { id })).json()) as Json).version;
  }

  function post(id: string, yaml: string): Promise<Response> {
    return call(importRoute.POST, { id }, jsonInit("POST", { yaml }));
  }

  function save(id: string, version: number, content: unknown): Promise<Response> {
    return call(alerting.PUT, { id }, jsonInit("PUT", { version, content }));
  }

  /** The bundle's alertmanager.yml, with the bundle unzipped under `dir`. */
  async function exportedConfig(id: string, dir: string): Promise<string> {
    const response = await call(bundle.GET, { id });
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith("/")) continue;
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
    return readFileSync(path.join(dir, "observability/alertmanager/alertmanager.yml"), "utf8");
  }

  it("has the corpus", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(FILES)(
    "%s: previewed without a write, saved, exported: amtool accepts it and routes as the file",
    async (file) => {
      const text = readFileSync(path.join(CORPUS, file), "utf8");
      const values = secretValues(text);
      const created = await newProject();

      const response = await post(created.id, text);
      const raw = await response.text();
      expect(response.status, raw).toBe(200);
      for (const value of values) expect(raw, "a secret value in the answer").not.toContain(value);
      const body: Json = JSON.parse(raw);
      expect(body.report.summary).toMatch(/^Alertmanager configuration: \d+ routes?/);
      expect(body.report.imported.receivers).toBe(body.content.receivers.length);
      expect(await latestVersion(created.id), "previewing wrote").toBe(created.version);

      const saved = await save(created.id, created.version, body.content);
      const savedText = await saved.text();
      expect(saved.status, savedText).toBe(200);
      for (const value of values) expect(savedText).not.toContain(value);
      expect(savedText).not.toContain("obsforge-sealed:");

      const list: Json = await (await call(secrets.GET, { id: created.id })).json();
      const set = new Set(list.secrets.filter((s: Json) => s.set).map((s: Json) => s.name));
      for (const secret of body.report.secrets) expect(set, secret.name).toContain(secret.name);

      const dir = path.join(work, file.replace(/\W/g, "-"));
      mkdirSync(dir, { recursive: true });
      const exported = await exportedConfig(created.id, dir);
      for (const value of values) expect(exported).not.toContain(value);
      const check = spawnSync("amtool", ["check-config", "alertmanager/alertmanager.yml"], {
        cwd: path.join(dir, "observability"),
        encoding: "utf8",
      });
      expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
      const routed = await routingDifferences(text, exported, dir, 100, FILES.indexOf(file) + 1);
      expect(routed.differences.slice(0, 5)).toEqual([]);
    },
    120_000,
  );

  it("never answers, stores in clear or exports a secret value", async () => {
    const created = await newProject();
    const response = await post(created.id, TOKENISED);
    const raw = await response.text();
    expect(response.status, raw).toBe(200);
    const body: Json = JSON.parse(raw);
    expect(body.report.secrets.map((secret: Json) => secret.name).sort()).toEqual([
      "ALERTMANAGER_SMTP_AUTH_PASSWORD",
      "GENIE_OPSGENIE_API_KEY",
      "OPS_SLACK_API_URL",
      "OPS_WEBHOOK_CREDENTIALS",
      "PAGER_PAGERDUTY_ROUTING_KEY",
    ]);
    const saved = await save(created.id, created.version, body.content);
    const texts = [raw, await saved.text()];
    texts.push(await (await call(alerting.GET, { id: created.id })).text());
    texts.push(await (await call(project.GET, { id: created.id })).text());
    const dir = path.join(work, "tokenised");
    mkdirSync(dir, { recursive: true });
    texts.push(await exportedConfig(created.id, dir));
    const every = Object.values(TOKENS);
    for (const text of texts) for (const value of every) expect(text).not.toContain(value);
    const db = await getDb();
    for (const table of ["project_sections", "revision_sections", "project_secrets", "projects"]) {
      const rows = await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM ${table}`);
      const text = JSON.stringify(rows, (_key, value) =>
        value instanceof Uint8Array
          ? Buffer.from(value).toString("latin1")
          : typeof value === "bigint"
            ? String(value)
            : value,
      );
      for (const value of every) expect(text.includes(value), `${table}`).toBe(false);
    }
  });

  it("says which stored secrets the save replaces", async () => {
    const text = readFileSync(path.join(CORPUS, "prometheus-alertmanager-conf-good.yml"), "utf8");
    const created = await newProject();
    const first: Json = await (await post(created.id, text)).json();
    expect(first.report.secrets.every((secret: Json) => secret.replacesStored === false)).toBe(true);
    expect((await save(created.id, created.version, first.content)).status).toBe(200);
    const again: Json = await (await post(created.id, text)).json();
    expect(again.report.secrets.length).toBeGreaterThan(0);
    expect(again.report.secrets.every((secret: Json) => secret.replacesStored === true)).toBe(true);
    expect(again.report.replaces.receivers).toBe(first.report.imported.receivers);
  });

  it("answers bad YAML with a 422 naming the line, and writes nothing", async () => {
    const created = await newProject();
    const response = await post(created.id, "route:\n  receiver: a\n receivers: [\n");
    expect(response.status).toBe(422);
    const body: Json = await response.json();
    expect(body.error).toBe("alertmanager.yml is not valid YAML");
    expect(body.issues[0].message).toMatch(/^line \d+, column \d+: /);
    expect(await latestVersion(created.id)).toBe(created.version);
  });

  it("answers a configuration Alertmanager refuses with a 422 naming the path and line", async () => {
    const created = await newProject();
    const yaml = [
      "route:",
      "  receiver: ops",
      "  routes:",
      "    - receiver: ops",
      "      matchers: ['severity=~\"(\"']",
      "receivers:",
      "  - name: ops",
      "unknown_key: 1",
    ].join("\n");
    const response = await post(created.id, yaml);
    expect(response.status).toBe(422);
    const body: Json = await response.json();
    const byPath = Object.fromEntries(body.issues.map((issue: Json) => [issue.path, issue.message]));
    expect(byPath.unknown_key).toMatch(
      /^line 8, column \d+: field unknown_key not found in type config.plain$/,
    );
    expect(byPath["route.routes[0].matchers[0]"]).toMatch(/^line 5, column \d+: /);
    expect(await latestVersion(created.id)).toBe(created.version);
  });

  it("answers a route to a missing receiver with the model's 422, by model path", async () => {
    const created = await newProject();
    const response = await post(created.id, "route:\n  receiver: nobody\nreceivers:\n  - name: ops\n");
    expect(response.status).toBe(422);
    const body: Json = await response.json();
    expect(body.issues.map((issue: Json) => issue.path)).toContain("route.receiver");
  });

  it("answers what is no Alertmanager configuration, and never a 500", async () => {
    const created = await newProject();
    const bomb = yamlAliasBomb(12, 10, "route");
    const deep = `route: ${"[".repeat(5000)}${"]".repeat(5000)}\nreceivers: []\n`;
    for (const yaml of [
      "just text",
      "groups: []",
      "- a\n- b",
      "a: &a [*a, *a]",
      "x".repeat(10),
      bomb,
      deep,
    ]) {
      const response = await post(created.id, yaml);
      expect(response.status, yaml).toBe(422);
      expect(((await response.json()) as Json).issues.length, yaml).toBeGreaterThan(0);
    }
    expect((await call(importRoute.POST, { id: created.id }, jsonInit("POST", { yaml: "" }))).status).toBe(
      400,
    );
    expect((await post("nosuchproject1", "route: {}\nreceivers: []\n")).status).toBe(404);
  }, 120_000);

  it("answers mutated corpus files with a 200 or a 4xx with issues, never a 500, writing nothing", async () => {
    const created = await newProject();
    const random = seededRandom(4242);
    const texts = FILES.map((file) => readFileSync(path.join(CORPUS, file), "utf8"));
    const statuses = new Map<number, number>();
    for (let n = 0; n < 150; n++) {
      let text = texts[n % texts.length] as string;
      for (let m = 1 + Math.floor(random() * 3); m > 0; m--) text = mutateText(text, random);
      if (text.trim() === "") continue;
      const response = await post(created.id, text);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, text.slice(0, 200)).toBeLessThan(500);
      if (response.status !== 200) expect(((await response.json()) as Json).issues.length).toBeGreaterThan(0);
    }
    expect(statuses.get(422) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(0);
    expect(await latestVersion(created.id)).toBe(created.version);
  }, 120_000);

  it("refuses a sealed value read for another project, saving nothing", async () => {
    const text = readFileSync(path.join(CORPUS, "prometheus-alertmanager-conf-good.yml"), "utf8");
    const one = await newProject();
    const other = await newProject();
    const preview: Json = await (await post(one.id, text)).json();
    const response = await save(other.id, other.version, preview.content);
    expect(response.status).toBe(422);
    const body: Json = await response.json();
    expect(body.error).toMatch(/^the imported secret \w+ cannot be read$/);
    expect(await latestVersion(other.id)).toBe(other.version);
    const list: Json = await (await call(secrets.GET, { id: other.id })).json();
    expect(list.secrets.filter((s: Json) => s.set)).toEqual([]);
  });
});
