import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Monaco takes its services once, when the first editor is created; a service registered later
 * (by a module that arrives in a lazily loaded chunk) is unknown to it, and every editor created
 * after that chunk fails. These tests walk the import graph from monaco-setup.ts's Monaco imports
 * and check that each registerSingleton reached only through import() is also reached without it.
 */

const MONACO_ROOT = path.resolve(import.meta.dirname, "../../node_modules/monaco-editor/esm/vs");
const SETUP = path.join(import.meta.dirname, "monaco-setup.ts");

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//g;

function withoutComments(file: string): string {
  return readFileSync(file, "utf8").replace(BLOCK_COMMENT, "");
}

/** `monaco-editor/x` as the package's exports map resolves it: esm/vs/x.js. */
function resolvePackage(specifier: string): string {
  const inner = specifier.slice("monaco-editor/".length);
  return path.join(MONACO_ROOT, inner.endsWith(".js") ? inner : `${inner}.js`);
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1] ?? "");
}

/** The Monaco modules monaco-setup.ts imports. */
function setupEntries(): string[] {
  return matches(withoutComments(SETUP), STATIC_IMPORT)
    .filter((specifier) => specifier.startsWith("monaco-editor/"))
    .map(resolvePackage);
}

/** Every Monaco module reached from `entries`, through import() too when `dynamic`. */
function reachable(entries: readonly string[], dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file) || !file.endsWith(".js") || !existsSync(file)) continue;
    seen.add(file);
    const text = withoutComments(file);
    const specifiers = [...matches(text, STATIC_IMPORT), ...(dynamic ? matches(text, DYNAMIC_IMPORT) : [])];
    for (const specifier of specifiers) {
      if (specifier.startsWith(".")) pending.push(path.resolve(path.dirname(file), specifier));
    }
  }
  return seen;
}

function lazyOnly(): string[] {
  const entries = setupEntries();
  const eager = reachable(entries, false);
  return [...reachable(entries, true)].filter((file) => !eager.has(file));
}

function registering(files: readonly string[], call: string): string[] {
  return files
    .filter((file) => withoutComments(file).includes(`${call}(`))
    .map((file) => path.relative(MONACO_ROOT, file))
    .sort();
}

describe("Monaco services", () => {
  const lazy = lazyOnly();

  it("finds the setup's Monaco modules", () => {
    const entries = setupEntries();
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) expect(existsSync(entry), entry).toBe(true);
  });

  it("still has editor contributions that arrive only with a lazily loaded chunk", () => {
    // The reason for the service imports in monaco-setup.ts: if Monaco stops doing this, they
    // may no longer be needed.
    expect(registering(lazy, "registerEditorContribution")).toContain(
      "editor/contrib/codelens/browser/codelensController.js",
    );
  });

  it("registers every service before the first editor, none in a lazily loaded chunk", () => {
    expect(registering(lazy, "registerSingleton")).toEqual([]);
  });
});
