import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { defaultCatalogContext } from "../../catalog/context";
import { catalogDashboards } from "../../catalog/dashboards";
import { catalogRules } from "../../catalog/rules";
import type { FrameworkVersion } from "../../model";
import { neutralizeGrafanaVariables } from "../parse";
import parseTests from "../testdata/prometheus-parse-tests.json";

/** A real PromQL expression and where it comes from. */
export interface CorpusEntry {
  expr: string;
  source: string;
}

const LIB = path.resolve(import.meta.dirname, "../..");

/** Every string under an `expr` key, skipping targets of another query language (`kind` other than promql). */
function collectExprs(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectExprs(item, out);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  if (typeof record.expr === "string" && (record.kind === undefined || record.kind === "promql")) {
    out.push(record.expr);
  }
  for (const child of Object.values(record)) collectExprs(child, out);
}

/** The catalog's rule expressions and dashboard PromQL targets, for both framework versions. */
function catalogExpressions(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const version of ["v2", "v1"] as FrameworkVersion[]) {
    const context = defaultCatalogContext({ version });
    for (const entry of catalogRules) {
      out.push({ expr: entry.build(context).expr, source: `catalog rule ${entry.id}` });
    }
    for (const entry of catalogDashboards) {
      const exprs: string[] = [];
      collectExprs(entry.build(context).panels, exprs);
      for (const expr of exprs) {
        out.push({ expr: neutralizeGrafanaVariables(expr), source: `catalog dashboard ${entry.id}` });
      }
    }
  }
  return out;
}

function testdataFiles(dir: string, inTestdata: boolean, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") testdataFiles(full, inTestdata || entry.name === "testdata", out);
    } else if (inTestdata && /\.(json|ya?ml)$/.test(entry.name)) {
      out.push(full);
    }
  }
}

/**
 * Every `expr` of the dashboards, projects and rule files in the testdata folders under lib/: Grafana dashboards
 * (their template variables neutralized, as the model checks them), model files and rule files.
 */
function testdataExpressions(): CorpusEntry[] {
  const files: string[] = [];
  testdataFiles(LIB, false, files);
  const out: CorpusEntry[] = [];
  for (const file of files.sort()) {
    if (file.endsWith("prometheus-parse-tests.json")) continue;
    const text = readFileSync(file, "utf8");
    const isJson = file.endsWith(".json");
    let document: unknown;
    try {
      document = isJson ? JSON.parse(text) : parseYaml(text);
    } catch {
      continue;
    }
    const exprs: string[] = [];
    collectExprs(document, exprs);
    const source = path.relative(LIB, file);
    for (const expr of exprs) out.push({ expr: isJson ? neutralizeGrafanaVariables(expr) : expr, source });
  }
  return out;
}

interface ParseTestCase {
  input: string;
  fail: boolean;
  /** The first error's message and start (a byte offset), when parsing fails. */
  error: string | null;
  position: number | null;
}

/** promql/parser/parse_test.go's inputs (testdata/prometheus-parse-tests.json says which commit). */
export const PROMETHEUS_PARSE_TESTS: readonly ParseTestCase[] = parseTests.cases;

/**
 * The real expressions of the differential test, each once: the catalog, the test data, and the
 * inputs of Prometheus's own parser tests.
 */
export function realExpressions(): CorpusEntry[] {
  const all = [
    ...catalogExpressions(),
    ...testdataExpressions(),
    ...PROMETHEUS_PARSE_TESTS.map((test) => ({ expr: test.input, source: "promql/parser/parse_test.go" })),
  ];
  const seen = new Set<string>();
  return all.filter((entry) => {
    if (entry.expr.trim() === "" || seen.has(entry.expr)) return false;
    seen.add(entry.expr);
    return true;
  });
}
