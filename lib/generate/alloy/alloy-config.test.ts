import { describe, expect, it } from "vitest";
import type { Project } from "../../model";
import { expectGolden } from "../golden";
import { smallProject } from "../testdata/small-project";
import { ALLOY_CONFIG_PATH, alloyConfigBlocks, generateAlloy } from "./alloy-config";
import { type AlloyBlock, AlloyReference, type AlloyValue } from "./alloy-syntax";

/** What each component used here exports, from the Alloy component reference. */
const EXPORTS: Record<string, readonly string[]> = {
  "discovery.docker": ["targets"],
  "discovery.relabel": ["output", "rules"],
  "local.file_match": ["targets"],
  "loki.process": ["receiver"],
  "loki.write": ["receiver"],
};

function referencesIn(value: AlloyValue): string[] {
  if (value instanceof AlloyReference) return [value.path];
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return (value as readonly AlloyValue[]).flatMap(referencesIn);
  return Object.values(value as Record<string, AlloyValue>).flatMap(referencesIn);
}

function referencesInBlock(node: AlloyBlock): string[] {
  return node.body.flatMap((statement) =>
    statement.kind === "attribute" ? referencesIn(statement.value) : referencesInBlock(statement),
  );
}

/** Brackets balance outside string literals, and every string literal is closed on its line. */
function checkBalanced(text: string): void {
  const stack: string[] = [];
  const pairs: Record<string, string> = { "}": "{", "]": "[", ")": "(" };
  for (const line of text.split("\n")) {
    let inString = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i] ?? "";
      if (inString) {
        if (char === "\\") i++;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = true;
      else if (char === "/" && line[i + 1] === "/") break;
      else if ("{[(".includes(char)) stack.push(char);
      else if (char in pairs) expect(stack.pop(), `unbalanced ${char} in: ${line}`).toBe(pairs[char]);
    }
    expect(inString, `unterminated string in: ${line}`).toBe(false);
  }
  expect(stack).toEqual([]);
}

function withLogs(project: Project, logs: Project["logs"]): Project {
  return { ...project, logs };
}

describe("generateAlloy", () => {
  it("matches the golden file for the small project", () => {
    expectGolden(import.meta.dirname, "small", generateAlloy(smallProject()));
  });

  it("writes one well-formed file", () => {
    const files = generateAlloy(smallProject());
    expect(files.map((file) => file.path)).toEqual([ALLOY_CONFIG_PATH]);
    checkBalanced(files[0]?.content ?? "");
  });

  it("only references components the file defines, by exports they have", () => {
    const blocks = alloyConfigBlocks(smallProject());
    const defined = new Set(blocks.map((node) => `${node.name}.${node.label}`));
    const references = blocks.flatMap(referencesInBlock);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      const parts = reference.split(".");
      const component = parts.slice(0, -2).join(".");
      const label = parts.at(-2);
      const exported = parts.at(-1) ?? "";
      expect(defined, reference).toContain(`${component}.${label}`);
      expect(EXPORTS[component], reference).toContain(exported);
    }
  });

  it("labels every stream with the project slug and environment that dashboards query", () => {
    const project = { ...smallProject(), environment: "staging" };
    const text = generateAlloy(project)[0]?.content ?? "";
    expect(text).toMatch(/external_labels = \{\n\s+app\s+= "shop-api",\n\s+environment = "staging",/);
    expect(text).toContain('url = "http://loki:3100/loki/api/v1/push"');
  });

  it("writes nothing when logs are off or Promtail ships them", () => {
    const project = smallProject();
    expect(generateAlloy(withLogs(project, { enabled: false, shipper: "alloy" }))).toEqual([]);
    expect(generateAlloy(withLogs(project, { enabled: true, shipper: "promtail" }))).toEqual([]);
  });
});
