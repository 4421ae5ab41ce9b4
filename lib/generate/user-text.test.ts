import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { validateProject } from "../model";
import { expectToolAccepts } from "../testing/run-tool";
import { generateBundle } from "./bundle";

/**
 * Markup and template syntax typed into any user text (titles, descriptions, annotations, receiver
 * names) stays text in every generated file: each file still parses as its format with the text as
 * one string value, and promtool and amtool accept the files. A project the model refuses never
 * reaches a generator, which is inert too.
 */

const PAYLOADS = [
  "<script>alert(1)</script>",
  "</script><img src=x onerror=alert(1)>",
  "{{ .Foo }}",
  "${jndi:ldap://x}",
  "line\u2028separator\u2029paragraph",
  "\"quotes\" 'and' `ticks` & <b>",
  "key: value\n- item\n# comment",
] as const;

type Json = Record<string, unknown>;
const base = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "testdata/small.model.json"), "utf8"),
) as Json;

/** Where user text goes, each a setter on a copy of the small project. */
const FIELDS: Readonly<Record<string, (project: Json, text: string) => void>> = {
  "project name": (p, text) => {
    p.name = text;
  },
  "dashboard title": (p, text) => {
    ((p.dashboards as Json[])[0] as Json).title = text;
  },
  "dashboard description": (p, text) => {
    ((p.dashboards as Json[])[0] as Json).description = text;
  },
  "panel title": (p, text) => {
    (((p.dashboards as Json[])[0] as Json).panels as Json[]).forEach((panel) => {
      panel.title = text;
    });
  },
  "alert annotation": (p, text) => {
    const alert = (((p.ruleGroups as Json[])[0] as Json).rules as Json[]).find(
      (rule) => rule.kind === "alert",
    ) as Json;
    alert.annotations = { ...(alert.annotations as Json), summary: text, note: text };
  },
  "receiver name": (p, text) => {
    const receivers = p.receivers as Json[];
    const old = (receivers[1] as Json).name;
    (receivers[1] as Json).name = text;
    p.route = JSON.parse(JSON.stringify(p.route).replaceAll(JSON.stringify(old), JSON.stringify(text)));
  },
};

/** Every string in a parsed file. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      strings(item, out);
    }
  }
  return out;
}

const cases = Object.keys(FIELDS).flatMap((field) => PAYLOADS.map((payload) => ({ field, payload })));

describe("user text in generated files", () => {
  it.each(cases)("$field = $payload", ({ field, payload }) => {
    const input = structuredClone(base);
    FIELDS[field]?.(input, payload);
    const result = validateProject(input);
    if (!result.ok) {
      // Refused with a message at its path, so it never reaches a file.
      expect(result.issues.filter((issue) => issue.severity === "error")[0]?.message).toBeTruthy();
      return;
    }
    const files = generateBundle(result.project);
    let seen = false;
    for (const file of files) {
      let parsed: unknown;
      if (/\.ya?ml$/.test(file.path)) {
        const documents = parseAllDocuments(file.content);
        const errors = (Array.isArray(documents) ? documents : [documents]).flatMap((doc) => doc.errors);
        expect(errors, file.path).toEqual([]);
        parsed = (Array.isArray(documents) ? documents : [documents]).map((doc) => doc.toJS());
      } else if (file.path.endsWith(".json")) parsed = JSON.parse(file.content);
      else continue;
      // The text is one value of the file, whole; nothing of it became structure.
      if (strings(parsed).some((text) => text.includes(payload))) seen = true;
    }
    expect(seen, `${field} appears, whole, in a generated file`).toBe(true);
    const rules = files.filter((file) => file.path.startsWith("prometheus/rules/"));
    expectToolAccepts(rules, "promtool", () => ["check", "rules", ...rules.map((file) => file.path)]);
    const alertmanager = files.filter((file) => file.path.startsWith("alertmanager/"));
    expectToolAccepts(alertmanager, "amtool", () => ["check-config", "alertmanager/alertmanager.yml"]);
  });
});
