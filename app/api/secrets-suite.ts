import { readdirSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { importAlertmanagerConfig } from "@/lib/import/alertmanager";
import { call, jsonInit } from "./testing/route-calls";

// biome-ignore lint/suspicious/noExplicitAny: responses are read as loose JSON, checked by the assertions.
type Json = any;

const API_DIR = import.meta.dirname;

/** Every route file under app/api with its URL segments, from the file system (a new one cannot be missed). */
function routeFiles(dir = API_DIR, segments: string[] = []): { file: string; segments: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return routeFiles(path.join(dir, entry.name), [...segments, entry.name]);
    return entry.name === "route.ts" ? [{ file: path.join(dir, entry.name), segments }] : [];
  });
}

/** Values no test data contains by chance: a hit is a leak. */
const token = (what: string): string => `${what}-${Math.random().toString(36).slice(2)}-LEAKCHECK`;

const CONFIG = (values: Record<string, string>) => `
global:
  smtp_smarthost: localhost:25
  smtp_from: am@example.org
  smtp_auth_username: am
  smtp_auth_password: ${values.smtp}
  slack_api_url: https://hooks.slack.com/services/${values.globalSlack}
route:
  receiver: pager
  routes:
    - receiver: ops
      matchers: [team="ops"]
    - receiver: genie
      matchers: [team="genie"]
receivers:
  - name: pager
    pagerduty_configs:
      - routing_key: ${values.routingKey}
  - name: ops
    slack_configs:
      - api_url: https://hooks.slack.com/services/${values.slack}
        channel: "#ops"
  - name: genie
    opsgenie_configs:
      - api_key: ${values.opsgenie}
        http_config:
          basic_auth:
            username: u
            password: ${values.basicAuth}
`;

/**
 * Secrets on a server: set by import (a whole project), by a section save and through the secrets
 * API; afterwards no GET of any route, no export, no bundle (unzipped), no log line and no stored
 * row in plain text holds any of their values.
 */
export function describeSecretsApi(driver: string): void {
  describe(`secrets on ${driver}`, () => {
    const values = {
      smtp: token("smtp"),
      globalSlack: token("global-slack"),
      routingKey: token("routing"),
      slack: token("slack"),
      opsgenie: token("opsgenie"),
      basicAuth: token("basic"),
      typed: token("typed"),
      sectionSaved: token("section"),
    };
    const logged: string[] = [];
    let projectId = "";

    beforeAll(() => {
      for (const method of ["log", "info", "warn", "error", "debug"] as const)
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          logged.push(
            args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(" "),
          );
        });
    });
    afterAll(() => vi.restoreAllMocks());

    function expectNoValue(text: string, where: string): void {
      for (const [name, value] of Object.entries(values))
        expect(text.includes(value), `${name} in ${where}`).toBe(false);
    }

    it("moves imported secrets to encrypted storage on import, keeping only their names", async () => {
      const projects = await import("./projects/route");
      const project = await import("./projects/[id]/route");
      const created = await call(projects.POST, {}, jsonInit("POST", { template: "basic", name: "Shop" }));
      expect(created.status).toBe(201);
      const record: Json = await created.json();
      projectId = record.id;
      const { alerting } = importAlertmanagerConfig(parse(CONFIG(values)));
      const saved = await call(
        project.PUT,
        { id: projectId },
        jsonInit("PUT", { version: record.version, project: { ...record.project, ...alerting } }),
      );
      expect(saved.status).toBe(200);
      const body: Json = await saved.json();
      expectNoValue(JSON.stringify(body), "PUT response");
      expect(body.project.receivers[0].integrations[0].routingKey).toEqual({
        secret: "PAGER_PAGERDUTY_ROUTING_KEY",
      });

      const secrets = await import("./projects/[id]/secrets/route");
      const list: Json = await (await call(secrets.GET, { id: projectId })).json();
      const byName = Object.fromEntries(list.secrets.map((s: Json) => [s.name, s]));
      expect(byName.PAGER_PAGERDUTY_ROUTING_KEY).toMatchObject({
        set: true,
        usedBy: [expect.stringContaining("pager")],
      });
      expect(byName.OPS_SLACK_API_URL?.set).toBe(true);
      expect(byName.ALERTMANAGER_SMTP_AUTH_PASSWORD?.set).toBe(true);
      expect(Object.values(byName).filter((s: Json) => s.set)).toHaveLength(6);
    });

    it("stores a typed value and one from a section save, and gives values back only to the server", async () => {
      const secret = await import("./projects/[id]/secrets/[name]/route");
      const put = await call(
        secret.PUT,
        { id: projectId, name: "OPS_SLACK_API_URL" },
        jsonInit("PUT", { value: values.typed }),
      );
      expect(put.status).toBe(200);
      const status: Json = await put.json();
      expect(status).toMatchObject({ name: "OPS_SLACK_API_URL", set: true });
      expectNoValue(JSON.stringify(status), "PUT secret response");

      const alerting = await import("./projects/[id]/alerting/route");
      const section: Json = await (await call(alerting.GET, { id: projectId })).json();
      const content = structuredClone(section.content);
      content.receivers[0].integrations[0].routingKey = {
        secret: "PAGER_PAGERDUTY_ROUTING_KEY",
        importedValue: values.sectionSaved,
      };
      const savedSection = await call(
        alerting.PUT,
        { id: projectId },
        jsonInit("PUT", { version: section.version, content }),
      );
      expect(savedSection.status).toBe(200);
      expectNoValue(await savedSection.text(), "section save response");

      const { revealSecretForSending } = await import("@/lib/server/services/secrets");
      const context = { actor: { kind: "anonymous" } as const, db: await getDb() };
      expect(await revealSecretForSending(context, projectId, "OPS_SLACK_API_URL")).toBe(values.typed);
      expect(await revealSecretForSending(context, projectId, "PAGER_PAGERDUTY_ROUTING_KEY")).toBe(
        values.sectionSaved,
      );
      expect(await revealSecretForSending(context, projectId, "OPSGENIE_RECEIVER_NONE")).toBeUndefined();

      const cleared = await call(secret.DELETE, { id: projectId, name: "OPS_SLACK_API_URL" });
      expect((await cleared.json()).set).toBe(false);
      expect(await revealSecretForSending(context, projectId, "OPS_SLACK_API_URL")).toBeUndefined();
      await call(
        secret.PUT,
        { id: projectId, name: "OPS_SLACK_API_URL" },
        jsonInit("PUT", { value: values.typed }),
      );
    });

    it("refuses bad names and values with a 4xx, never a 500", async () => {
      const secret = await import("./projects/[id]/secrets/[name]/route");
      const badName = await call(
        secret.PUT,
        { id: projectId, name: "lower-case" },
        jsonInit("PUT", { value: "x" }),
      );
      expect(badName.status).toBe(404);
      const empty = await call(secret.PUT, { id: projectId, name: "A_B" }, jsonInit("PUT", { value: "" }));
      expect(empty.status).toBe(400);
      const noProject = await call(
        secret.PUT,
        { id: "doesnotexist00000000", name: "A_B" },
        jsonInit("PUT", { value: "x" }),
      );
      expect(noProject.status).toBe(404);
    });

    it("never answers a value: every GET route, the export, the bundle, the log and the stored rows", async () => {
      const project: Json = await (
        await call((await import("./projects/[id]/route")).GET, { id: projectId })
      ).json();
      const params: Record<string, string> = {
        id: projectId,
        uid: project.project.dashboards[0]?.uid ?? "none",
        version: String(project.version),
        fingerprint: "0123456789abcdef",
        silenceId: "00000000-0000-0000-0000-000000000000",
      };
      const nameFor = (segments: string[]): string => {
        if (segments.includes("rule-groups")) return project.project.ruleGroups[0]?.name ?? "none";
        if (segments.includes("receivers")) return "genie";
        return "OPS_SLACK_API_URL";
      };
      let checked = 0;
      for (const { file, segments } of routeFiles()) {
        // The preview calls the project's Prometheus, which this test does not run.
        if (segments.includes("[...endpoint]")) continue;
        const module: Json = await import(file);
        if (typeof module.GET !== "function") continue;
        const response: Response = await call(module.GET, { ...params, name: nameFor(segments) });
        const bytes = new Uint8Array(await response.arrayBuffer());
        const where = `GET /${segments.join("/")} (${response.status})`;
        expect(response.status, where).toBeLessThan(500);
        if (response.headers.get("content-type") === "application/zip") {
          for (const [entry, data] of Object.entries(unzipSync(bytes)))
            expectNoValue(new TextDecoder().decode(data), `${where} ${entry}`);
        } else expectNoValue(new TextDecoder().decode(bytes), where);
        checked++;
      }
      expect(checked).toBeGreaterThan(15);
      expectNoValue(logged.join("\n"), "the server log");

      const db = await getDb();
      for (const table of ["project_sections", "revision_sections", "project_secrets", "projects"]) {
        const rows = await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM ${table}`);
        expectNoValue(
          JSON.stringify(rows, (_key, value) =>
            value instanceof Uint8Array
              ? Buffer.from(value).toString("latin1")
              : typeof value === "bigint"
                ? String(value)
                : value,
          ),
          `table ${table}`,
        );
      }
    });
  });
}
