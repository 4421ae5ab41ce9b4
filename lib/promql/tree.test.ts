import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as parse from "./parse";
import { metricNames, neutralizeGrafanaVariables, parseTree } from "./tree";

describe("lib/promql/tree (parsing without the checks)", () => {
  it("is what parse.ts re-exports", () => {
    expect(parse.metricNames).toBe(metricNames);
    expect(parse.neutralizeGrafanaVariables).toBe(neutralizeGrafanaVariables);
  });

  it("parses once per text and reads metric names through Grafana variables", () => {
    const text = 'rate(node_cpu_seconds_total{instance="$node"}[$__rate_interval])';
    expect(parseTree(text)).toBe(parseTree(text));
    expect(metricNames(text)).toEqual(["node_cpu_seconds_total"]);
    expect(metricNames("up + on(job) group_left sum by (job) (node_load1)")).toEqual(["up", "node_load1"]);
  });

  it("is the only part of lib/promql the model imports outside its checks (so the schemas do not pull the checks and CodeMirror)", () => {
    const modelDir = path.resolve(import.meta.dirname, "../model");
    const offenders = readdirSync(modelDir, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .filter((file) => !file.startsWith("checks/") && !file.startsWith(`checks${path.sep}`))
      .filter((file) =>
        /from "(\.\.\/)+promql\/(?!tree")/.test(readFileSync(path.join(modelDir, file), "utf8")),
      );
    expect(offenders).toEqual([]);
  });
});
