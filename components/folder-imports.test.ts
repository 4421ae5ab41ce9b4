import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importedRepositoryPath } from "@/lib/testing/source-imports";

/**
 * The folders of components/ (charts, preview, form, undo, code-editor, ui, dashboard, …) import
 * only downward: a shared kit never reaches back into an editor that uses it. This reads every
 * .ts/.tsx file under components/ and app/, builds the folder-to-folder import graph and fails on
 * a cycle, naming it.
 */

const ROOT = path.resolve(import.meta.dirname, "..");

/** `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")`. */
const IMPORT = /(?:\b(?:import|export)\s[^"';]*?\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

/** The folder a repository path belongs to: `components/charts`, `app/api`, or `lib`. */
function folderOf(file: string): string {
  const parts = file.split("/");
  if (parts[0] === "lib") return "lib";
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? file);
}

type ImportGraph = Map<string, Map<string, string>>;

/** Folder → imported folder → one file that makes the edge (to name it in a failure). */
function importGraph(files: readonly string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const match of readFileSync(path.join(ROOT, file), "utf8").matchAll(IMPORT)) {
      const target = importedRepositoryPath(file, match[1] ?? "");
      if (target === undefined) continue;
      const to = folderOf(target);
      if (to !== from && !edges.has(to)) edges.set(to, `${file} → ${match[1]}`);
    }
  }
  return graph;
}

/** The first cycle found, as the folders in order with the first repeated at the end. */
function findCycle(graph: ImportGraph): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, "open");
    stack.push(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (state.get(next) === "open") return [...stack.slice(stack.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.get(node) !== undefined) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

function describeCycle(graph: ImportGraph, cycle: readonly string[]): string {
  const steps = cycle.slice(1).map((to, index) => {
    const from = cycle[index] ?? "";
    return `  ${from} → ${to} (${graph.get(from)?.get(to) ?? "?"})`;
  });
  return `import cycle ${cycle.join(" → ")}:\n${steps.join("\n")}`;
}

describe("folder imports", () => {
  const files = [...sourceFiles("components"), ...sourceFiles("app")];
  const graph = importGraph(files);

  it("reads the tree", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get("components/dashboard")?.has("components/charts")).toBe(true);
  });

  it("has no cycle between the folders of components/ and app/", () => {
    const cycle = findCycle(graph);
    expect(cycle && describeCycle(graph, cycle)).toBeUndefined();
  });

  it("keeps the shared kits below the editors", () => {
    const kits = ["components/charts", "components/preview", "components/form", "components/undo"];
    for (const kit of kits) {
      const upward = [...(graph.get(kit)?.entries() ?? [])].filter(
        ([to]) => to === "components/dashboard" || to === "components/settings" || to.startsWith("app/"),
      );
      expect(upward, kit).toEqual([]);
    }
  });

  it("lib/ imports nothing from components/ or app/", () => {
    const upward = sourceFiles("lib").filter((file) =>
      [...readFileSync(path.join(ROOT, file), "utf8").matchAll(IMPORT)].some((match) => {
        const target = importedRepositoryPath(file, match[1] ?? "");
        return target?.startsWith("components/") || target?.startsWith("app/");
      }),
    );
    expect(upward).toEqual([]);
  });

  it("names a cycle when there is one", () => {
    const sample: ImportGraph = new Map([
      ["components/a", new Map([["components/b", "a.ts → ../b/b"]])],
      ["components/b", new Map([["components/c", "b.ts → ../c/c"]])],
      ["components/c", new Map([["components/a", "c.ts → ../a/a"]])],
    ]);
    const cycle = findCycle(sample);
    expect(cycle).toEqual(["components/a", "components/b", "components/c", "components/a"]);
    expect(describeCycle(sample, cycle ?? [])).toContain("components/c → components/a (c.ts → ../a/a)");
    expect(findCycle(new Map([["components/a", new Map([["lib", "x"]])]]))).toBeUndefined();
  });
});
