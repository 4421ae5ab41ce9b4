import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importedRepositoryPath } from "@/lib/testing/source-imports";

/**
 * What the dashboard page's first JavaScript must not carry: modules the first screen never runs,
 * whose download and start-up (Prometheus's parser builds its tables when loaded) would delay its
 * drawing. Follows the designer's static imports through the repository, as the bundler does
 * (type-only imports and `import()` are not followed: they add nothing to the first JavaScript),
 * and names the chain that reaches a forbidden package.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
/**
 * The client components the page starts with: the designer and what hands it the project, the
 * layout's providers, the header's one client button, the route's loading and error pages.
 */
const ENTRIES = [
  "components/dashboard/designer/dashboard-designer.tsx",
  "components/projects/server-read-dashboard-project.tsx",
  "components/providers.tsx",
  "components/dashboard/remember-viewer.tsx",
  "components/auth/sign-out-button.tsx",
  "app/projects/[id]/dashboards/[uid]/error.tsx",
  "app/projects/[id]/dashboards/[uid]/loading.tsx",
];
const LOADED_LATER = ["@prometheus-io/lezer-promql", "@prometheus-io/codemirror-promql", "better-auth"];

/** Value imports and re-exports: `import x from "y"`, `export … from "y"`, `import "y"` (not `import type`). */
const STATIC_IMPORT =
  /^\s*(?:import(?!\s+type\b)[^"';]*?from\s*|export(?!\s+type\b)[^"';]*?from\s*|import\s*)["']([^"']+)["']/gm;

function resolveFile(base: string): string | undefined {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (/\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate))) return candidate;
  return undefined;
}

function repositoryTarget(file: string, specifier: string): string | undefined {
  const named = importedRepositoryPath(file, specifier);
  return named === undefined ? undefined : resolveFile(named);
}

/** The first chain of static imports from `entry` to a package in `forbidden`, or undefined. */
function chainTo(entry: string, forbidden: readonly string[]): string[] | undefined {
  const from = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const match of readFileSync(path.join(ROOT, file), "utf8").matchAll(STATIC_IMPORT)) {
      const specifier = match[1] ?? "";
      if (forbidden.some((name) => specifier === name || specifier.startsWith(`${name}/`))) {
        const chain = [specifier];
        for (let at: string | null | undefined = file; at; at = from.get(at)) chain.unshift(at);
        return chain;
      }
      const target = repositoryTarget(file, specifier);
      if (target !== undefined && !from.has(target)) {
        from.set(target, file);
        queue.push(target);
      }
    }
  }
  return undefined;
}

describe("the dashboard page's first JavaScript", () => {
  it.each(ENTRIES)("%s reaches neither Prometheus's parser nor Better Auth's client", (entry) => {
    expect(existsSync(path.join(ROOT, entry))).toBe(true);
    expect(chainTo(entry, LOADED_LATER)?.join(" → ")).toBeUndefined();
  });

  it("finds a chain when there is one", () => {
    expect(chainTo("lib/model/project-upgrade.ts", LOADED_LATER)).toEqual([
      "lib/model/project-upgrade.ts",
      "lib/promql/tree.ts",
      "@prometheus-io/lezer-promql",
    ]);
  });
});
