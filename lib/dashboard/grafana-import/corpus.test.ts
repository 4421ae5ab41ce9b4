import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toGrafanaDashboard } from "../../generate/grafana";
import {
  type Dashboard,
  DashboardSchema,
  type Panel,
  type Project,
  parseProject,
  type Target,
  type Variable,
  type VisualPanelType,
} from "../../model";
import { modelledPaths } from "../../panels/common/modelled-fields";
import { grafanaOf } from "../../panels/grafana-registry";
import type { PanelOf } from "../../panels/types";
import { equivalentGrafanaDashboards } from "./equivalent";
import { importGrafanaDashboard } from "./import-dashboard";
import { GrafanaImportError } from "./input-schema";
import { deepEqual, isPlainObject } from "./json";

/**
 * The corpus: real, publicly licensed Grafana dashboards (testdata/corpus/, sources and licences in
 * its SOURCES.md), plus the node-exporter-full excerpt beside it. For each: import it, edit every
 * kind of field the model holds, export both the edited and the unedited import with the real
 * generator, and compare the two exports field by field: the paths that differ must be exactly the
 * edited ones, each with the edited value.
 */

const TESTDATA = path.join(import.meta.dirname, "..", "testdata");
const CORPUS = path.join(TESTDATA, "corpus");

const FILES = [
  ...readdirSync(CORPUS)
    .filter((name) => name.endsWith(".json"))
    .map((name) => path.join(CORPUS, name)),
  path.join(TESTDATA, "node-exporter-full.grafana.json"),
].sort();

type Json = Record<string, unknown>;

/** A project with one datasource of each type the model has, for the imports to resolve to. */
function corpusProject(): Project {
  return parseProject({
    name: "Corpus",
    datasources: [
      { uid: "prometheus", name: "Prometheus", type: "prometheus", isDefault: true },
      { uid: "loki", name: "Loki", type: "loki" },
      {
        uid: "app-postgres",
        name: "Application DB",
        type: "postgres",
        database: "app",
        user: "reader",
        password: { secret: "DB_PASSWORD" },
      },
    ],
    receivers: [{ name: "default" }],
  });
}

function load(file: string): Json {
  return JSON.parse(readFileSync(file, "utf8")) as Json;
}

/** The Grafana paths that differ between two JSON values, down to the leaves (`panels[3].title`). */
function differingPaths(a: unknown, b: unknown, at = ""): string[] {
  if (deepEqual(a, b)) return [];
  if (isPlainObject(a) && isPlainObject(b)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .sort()
      .flatMap((key) => differingPaths(a[key], b[key], at === "" ? key : `${at}.${key}`));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((item, index) => differingPaths(item, b[index], `${at}[${index}]`));
  }
  return [at];
}

/** `panels[2].targets[0].expr` of a JSON value. */
function valueAt(value: unknown, at: string): unknown {
  let current = value;
  for (const part of at.match(/[^.[\]]+/g) ?? []) {
    if (Array.isArray(current)) current = current[Number(part)];
    else if (isPlainObject(current)) current = current[part];
    else return undefined;
  }
  return current;
}

/** Where each panel (by id) sits in an exported dashboard: top level or inside a collapsed row. */
function panelPaths(exported: Json): Map<number, string> {
  const out = new Map<number, string>();
  const list = (value: unknown, at: string): void => {
    if (!Array.isArray(value)) return;
    value.forEach((panel, index) => {
      if (!isPlainObject(panel)) return;
      const here = `${at}[${index}]`;
      if (typeof panel.id === "number") out.set(panel.id, here);
      list(panel.panels, `${here}.panels`);
    });
  };
  list(exported.panels, "panels");
  return out;
}

/** One edit: where it shows in the exported JSON (a path, or a part of one) and the value it must have there. */
interface Expected {
  at: string;
  value: unknown;
  /** Further paths the edit may change besides `at` (e.g. `range` with `instant`). */
  alsoChanges?: string[];
}

const THRESHOLD_COLOURS = ["#0a7f3f", "#e0b400", "#c4162a", "#5794f2"];

/** A value that differs from `old`, from a list of candidates. */
function other<T>(old: T | undefined, candidates: readonly T[]): T {
  const found = candidates.find((candidate) => !deepEqual(candidate, old));
  if (found === undefined) throw new Error("no other candidate");
  return found;
}

function editTarget(target: Target, at: string, expected: Expected[]): Target {
  switch (target.kind) {
    case "promql": {
      const edited = {
        ...target,
        expr: `sum(${target.expr}) or vector(0)`,
        legendFormat: `edited ${target.legendFormat ?? ""}`.trim(),
        instant: !target.instant,
        interval: other(target.interval, ["37s", "41s"]),
        intervalFactor: other(target.intervalFactor, [3, 4]),
        hide: !target.hide,
      };
      expected.push(
        { at: `${at}.expr`, value: edited.expr },
        { at: `${at}.legendFormat`, value: edited.legendFormat },
        { at: `${at}.instant`, value: edited.instant, alsoChanges: [`${at}.range`] },
        { at: `${at}.interval`, value: edited.interval },
        { at: `${at}.intervalFactor`, value: edited.intervalFactor },
        // Grafana writes `hide` only when it is true.
        { at: `${at}.hide`, value: edited.hide ? true : undefined },
      );
      return edited;
    }
    case "logql": {
      const edited = {
        ...target,
        expr: `${target.expr} |= "edited"`,
        instant: !target.instant,
        hide: !target.hide,
      };
      expected.push(
        { at: `${at}.expr`, value: edited.expr },
        { at: `${at}.hide`, value: edited.hide ? true : undefined },
        { at: `${at}.queryType`, value: edited.instant ? "instant" : "range" },
      );
      return edited;
    }
    case "sql": {
      const edited = { ...target, rawSql: `${target.rawSql} -- edited`, hide: !target.hide };
      expected.push(
        { at: `${at}.rawSql`, value: edited.rawSql },
        { at: `${at}.hide`, value: edited.hide ? true : undefined },
      );
      return edited;
    }
    default: {
      const exhaustive: never = target;
      throw new Error(`unknown target ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** An edit of a panel type's own field: the change, and where it shows in the panel's JSON. */
interface TypeEdit {
  patch: Record<string, unknown>;
  at: string;
  value: unknown;
}

const REDUCERS = ["mean", "max", "min"] as const;

/** Each panel type's own fields edited; a type missing here fails tsc. */
const TYPE_EDITS: { [T in VisualPanelType]: (panel: PanelOf<T>) => TypeEdit[] } = {
  timeseries: (panel) => {
    const legend = {
      show: !panel.legend.show,
      placement: other(panel.legend.placement, ["right", "bottom"] as const),
      displayMode: other(panel.legend.displayMode, ["table", "list"] as const),
      calcs: other(panel.legend.calcs, [["min", "sum"], ["max"]] as const).slice(),
    };
    const drawStyle = other(panel.drawStyle, ["bars", "points"] as const);
    const fillOpacity = other(panel.fillOpacity, [37, 38]);
    const stacking = other(panel.stacking, ["percent", "normal"] as const);
    return [
      { patch: { legend }, at: "options.legend.showLegend", value: legend.show },
      { patch: {}, at: "options.legend.placement", value: legend.placement },
      { patch: {}, at: "options.legend.displayMode", value: legend.displayMode },
      { patch: {}, at: "options.legend.calcs", value: legend.calcs },
      { patch: { drawStyle }, at: "fieldConfig.defaults.custom.drawStyle", value: drawStyle },
      { patch: { fillOpacity }, at: "fieldConfig.defaults.custom.fillOpacity", value: fillOpacity },
      { patch: { stacking }, at: "fieldConfig.defaults.custom.stacking.mode", value: stacking },
    ];
  },
  stat: (panel) => {
    const reduce = other(panel.reduce, REDUCERS);
    const graphMode = other(panel.graphMode, ["none", "area"] as const);
    const colorMode = other(panel.colorMode, ["background", "none"] as const);
    return [
      { patch: { reduce }, at: "options.reduceOptions.calcs", value: [reduce] },
      { patch: { graphMode }, at: "options.graphMode", value: graphMode },
      { patch: { colorMode }, at: "options.colorMode", value: colorMode },
    ];
  },
  gauge: (panel) => {
    const reduce = other(panel.reduce, REDUCERS);
    return [
      { patch: { reduce }, at: "options.reduceOptions.calcs", value: [reduce] },
      {
        patch: { showThresholdMarkers: !panel.showThresholdMarkers },
        at: "options.showThresholdMarkers",
        value: !panel.showThresholdMarkers,
      },
    ];
  },
  bargauge: (panel) => {
    const reduce = other(panel.reduce, REDUCERS);
    const orientation = other(panel.orientation, ["vertical", "horizontal"] as const);
    const displayMode = other(panel.displayMode, ["lcd", "basic"] as const);
    return [
      { patch: { reduce }, at: "options.reduceOptions.calcs", value: [reduce] },
      { patch: { orientation }, at: "options.orientation", value: orientation },
      { patch: { displayMode }, at: "options.displayMode", value: displayMode },
    ];
  },
  heatmap: (panel) => {
    const colorScheme = other(panel.colorScheme, ["Viridis", "Blues"]);
    return [
      { patch: { calculate: !panel.calculate }, at: "options.calculate", value: !panel.calculate },
      { patch: { colorScheme }, at: "options.color.scheme", value: colorScheme },
    ];
  },
  table: (panel) => {
    const sortBy = [{ displayName: "edited column", desc: false }];
    return [
      { patch: { showHeader: !panel.showHeader }, at: "options.showHeader", value: !panel.showHeader },
      { patch: { sortBy }, at: "options.sortBy", value: sortBy },
    ];
  },
  alertlist: (panel) => {
    const maxItems = other(panel.maxItems, [7, 8]);
    const labelFilter = `${panel.labelFilter} edited="yes"`.trim();
    return [
      { patch: { maxItems }, at: "options.maxItems", value: maxItems },
      {
        patch: { stateFilter: ["error"] },
        at: "options.stateFilter",
        value: { error: true, firing: false, noData: false, normal: false, pending: false },
      },
      { patch: { labelFilter }, at: "options.alertInstanceLabelFilter", value: labelFilter },
    ];
  },
};

/** Every kind of field of one panel edited, with where each edit must show in the export. */
function editPanel(panel: Panel, at: string, expected: Expected[]): Panel {
  const h = panel.gridPos.h === 1 ? 2 : panel.gridPos.h - 1;
  expected.push({ at: `${at}.title`, value: `${panel.title} (edited)` }, { at: `${at}.gridPos.h`, value: h });
  const moved = { ...panel, title: `${panel.title} (edited)`, gridPos: { ...panel.gridPos, h } };
  if (moved.type === "row") return moved;
  const description = `${moved.description ?? ""} Edited.`.trim();
  expected.push({ at: `${at}.description`, value: description });
  const edited = { ...moved, description };
  const modelled = modelledPaths(grafanaOf(edited));
  const standard = modelled.find((entry) => entry.endsWith(".unit"))?.replace(/\.unit$/, "");
  if (standard) {
    Object.assign(edited, {
      unit: other(edited.unit, ["celsius", "volt"]),
      decimals: other(edited.decimals, [3, 4]),
      min: other(edited.min, [-7.5, -8.5]),
      max: other(edited.max, [1234.5, 2345.5]),
    });
    for (const key of ["unit", "decimals", "min", "max"] as const) {
      expected.push({ at: `${at}.${standard}.${key}`, value: edited[key] });
    }
  }
  if (modelled.includes("fieldConfig.defaults.thresholds")) {
    // The issue's case: a threshold moved (85 → 50) and recoloured must reach the export.
    const steps = edited.thresholds?.steps ?? [{ value: null, color: "green" }];
    const thresholds = {
      mode: edited.thresholds?.mode ?? ("absolute" as const),
      steps: [
        ...steps.map((step, index) => ({
          value: step.value === null ? null : step.value + 0.5,
          color: other(step.color, THRESHOLD_COLOURS.slice(index % 2)),
        })),
        { value: 1e6, color: "#8f3bb8" },
      ],
    };
    edited.thresholds = thresholds;
    expected.push({ at: `${at}.fieldConfig.defaults.thresholds`, value: thresholds });
  }
  if (modelled.includes("fieldConfig.overrides") && "overrides" in edited) {
    // A series mirrored below zero and renamed, and a value shown as a word: both must reach the export.
    const overrides = [
      ...(edited.overrides ?? []),
      {
        matcher: { id: "byRegexp", options: "/edited.*/" },
        properties: [
          { id: "custom.transform", value: "negative-Y" },
          { id: "displayName", value: "Edited" },
        ],
      },
    ];
    const mappings = [
      ...(edited.mappings ?? []),
      { type: "value" as const, options: { "7": { text: "seven", color: "red" } } },
    ];
    Object.assign(edited, { overrides, mappings });
    expected.push(
      { at: `${at}.fieldConfig.overrides`, value: overrides },
      { at: `${at}.fieldConfig.defaults.mappings`, value: mappings },
    );
  }
  for (const edit of TYPE_EDITS[edited.type](edited as never)) {
    Object.assign(edited, edit.patch);
    expected.push({ at: `${at}.${edit.at}`, value: edit.value });
  }
  if ("targets" in edited) {
    edited.targets = edited.targets.map((target, index) =>
      editTarget(target, `${at}.targets[${index}]`, expected),
    );
  }
  return edited;
}

function editVariable(original: Variable, at: string, expected: Expected[]): Variable {
  const variable = { ...original, hide: !original.hide };
  // Grafana always hides a constant.
  if (variable.type !== "constant") expected.push({ at: `${at}.hide`, value: variable.hide ? 2 : 0 });
  switch (variable.type) {
    case "query": {
      const query = `label_values(edited_metric{job="x"}, instance)`;
      // Grafana writes a multi-value variable's current selection as lists.
      const current = variable.multi
        ? { text: ["edited"], value: ["edited"] }
        : { text: "edited", value: "edited" };
      expected.push(
        { at: `${at}.definition`, value: query },
        { at: `${at}.query`, value: expect.objectContaining({ query }) },
        { at: `${at}.current`, value: current },
      );
      const regex = `/edited${variable.regex}/`;
      const refresh = variable.refresh === "load" ? "timeRange" : "load";
      expected.push(
        { at: `${at}.regex`, value: regex },
        { at: `${at}.refresh`, value: refresh === "timeRange" ? 2 : 1 },
      );
      return { ...variable, query, current: ["edited"], regex, refresh };
    }
    case "custom": {
      const values = [...variable.values, "edited"];
      const current = variable.multi
        ? { text: ["edited"], value: ["edited"] }
        : { text: "edited", value: "edited" };
      expected.push(
        {
          at: `${at}.query`,
          value: [...variable.values, "edited"].map((v) => v.replaceAll(",", "\\,")).join(","),
        },
        {
          at: `${at}.options`,
          value: expect.arrayContaining([{ selected: false, text: "edited", value: "edited" }]),
        },
        { at: `${at}.current`, value: current },
      );
      return { ...variable, values, current: ["edited"] };
    }
    case "interval": {
      const values = [...variable.values, "13m"];
      expected.push(
        { at: `${at}.query`, value: values.join(",") },
        {
          at: `${at}.options`,
          value: expect.arrayContaining([{ selected: false, text: "13m", value: "13m" }]),
        },
        { at: `${at}.current`, value: { text: "13m", value: "13m" } },
      );
      return { ...variable, values, current: ["13m"] };
    }
    case "constant": {
      const value = `${variable.value}-edited`;
      expected.push(
        { at: `${at}.query`, value },
        { at: `${at}.options`, value: [{ selected: true, text: value, value }] },
        { at: `${at}.current`, value: { selected: true, text: value, value } },
      );
      return { ...variable, value };
    }
    case "datasource":
      // Its only field is the datasource type, which the project's datasources decide.
      return variable;
    default: {
      const exhaustive: never = variable;
      throw new Error(`unknown variable ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** The dashboard with every kind of modelled field edited, and where each edit must show. */
function editEverything(dashboard: Dashboard, exported: Json): { edited: Dashboard; expected: Expected[] } {
  const expected: Expected[] = [];
  const where = panelPaths(exported);
  const panels = dashboard.panels.map((panel) => {
    const at = where.get(panel.id);
    if (at === undefined) throw new Error(`panel ${panel.id} is not in the export`);
    return editPanel(panel, at, expected);
  });
  // The model's variables come first in `templating.list`, kinds it lacks after them.
  const variables = dashboard.variables.map((variable, index) =>
    editVariable(variable, `templating.list[${index}]`, expected),
  );
  const time = { from: other(dashboard.time.from, ["now-13h", "now-14h"]), to: "now-5m" };
  const refresh = other(dashboard.refresh, ["17s", "19s"]);
  const tags = [...dashboard.tags, "edited"];
  const timezone = other(dashboard.timezone, ["utc", "browser"] as const);
  expected.push(
    { at: "timezone", value: timezone },
    { at: "title", value: `${dashboard.title} (edited)` },
    { at: "time", value: time },
    { at: "refresh", value: refresh },
    { at: "tags", value: tags },
  );
  const edited = DashboardSchema.parse({
    ...dashboard,
    title: `${dashboard.title} (edited)`,
    time,
    refresh,
    tags,
    timezone,
    panels,
    variables,
  });
  return { edited, expected };
}

/** Whether `changed` lies at or below `at`. */
function under(changed: string, at: string): boolean {
  return changed === at || changed.startsWith(`${at}.`) || changed.startsWith(`${at}[`);
}

type Imported = { ok: true; dashboard: Dashboard } | { ok: false; error: GrafanaImportError };

function tryImport(json: Json): Imported {
  try {
    return { ok: true, dashboard: importGrafanaDashboard(json, corpusProject()).dashboard };
  } catch (error) {
    if (error instanceof GrafanaImportError) return { ok: false, error };
    throw error;
  }
}

describe("the corpus's SOURCES.md", () => {
  it("names each file's source, commit, licence and schemaVersion", () => {
    const rows = readFileSync(path.join(CORPUS, "SOURCES.md"), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) => line.split("|").map((cell) => cell.trim()));
    const listed = new Map(
      rows.map((cells) => [path.join(CORPUS, (cells[1] ?? "").replaceAll("`", "")), cells]),
    );
    for (const file of FILES) {
      const cells = listed.get(file);
      expect(cells, `${path.basename(file)} in SOURCES.md`).toBeDefined();
      const [, , source, commit, licence, schemaVersion] = cells ?? [];
      expect(source).toMatch(/^[\w.-]+\/[\w.-]+ `[^`]+`/);
      expect(commit).not.toBe("");
      expect(licence).toMatch(/^(Apache-2\.0|MIT|MPL-2\.0|BSD-[23]-Clause)$/);
      expect(Number(schemaVersion)).toBe(load(file).schemaVersion);
    }
    expect(rows).toHaveLength(FILES.length);
  });

  it("spans Grafana's schema versions from 12 (rows[] layout) to 40 and later", () => {
    const versions = FILES.map((file) => Number(load(file).schemaVersion));
    expect(Math.min(...versions)).toBe(12);
    expect(Math.max(...versions)).toBeGreaterThanOrEqual(40);
    expect(FILES.length).toBeGreaterThanOrEqual(8);
  });
});

describe.each(FILES.map((file) => ({ name: path.basename(file), file })))("corpus: $name", ({ file }) => {
  const json = load(file);
  const imported = tryImport(json);

  it.runIf(imported.ok)("exports every edit of a modelled field, and changes nothing else", () => {
    if (!imported.ok) return;
    const project = corpusProject();
    const before = toGrafanaDashboard(project, imported.dashboard) as unknown as Json;
    const { edited, expected } = editEverything(imported.dashboard, before);
    const after = toGrafanaDashboard(project, edited) as unknown as Json;

    for (const edit of expected) {
      expect(valueAt(after, edit.at), `the export's ${edit.at}`).toEqual(edit.value);
    }
    const changed = differingPaths(before, after);
    const scopes = expected.flatMap((edit) => [edit.at, ...(edit.alsoChanges ?? [])]);
    expect(changed.filter((entry) => !scopes.some((at) => under(entry, at)))).toEqual([]);
    expect(expected.filter((edit) => !changed.some((entry) => under(entry, edit.at)))).toEqual([]);
    expect(expected.length).toBeGreaterThan(10);
  });

  it.runIf(imported.ok)(
    "imports its own export to the same model, and the checker sees no difference",
    () => {
      if (!imported.ok) return;
      const project = corpusProject();
      const exported = toGrafanaDashboard(project, imported.dashboard);
      const again = importGrafanaDashboard(JSON.parse(JSON.stringify(exported)), project);
      expect(again.dashboard).toEqual(imported.dashboard);
      expect(equivalentGrafanaDashboards(exported, toGrafanaDashboard(project, again.dashboard))).toEqual([]);
    },
  );

  it("imports, legacy rows[] layout included", () => {
    expect(imported.ok ? [] : imported.error.issues).toEqual([]);
  });

  it("is equivalent to itself written otherwise: keys reordered, thresholds' base steps spelled out", () => {
    expect(equivalentGrafanaDashboards(json, json)).toEqual([]);
    expect(equivalentGrafanaDashboards(json, reversedKeys(json))).toEqual([]);
    expect(equivalentGrafanaDashboards(json, withBaseStepsSpelledOut(json))).toEqual([]);
  });
});

/** Every object's keys in reverse order: the same JSON, written differently. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reversedKeys(item)]),
    );
  }
  return value;
}

/** Every thresholds' base step written with `value: null`, as the exporter writes it. */
function withBaseStepsSpelledOut(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withBaseStepsSpelledOut);
  if (!isPlainObject(value)) return value;
  const out = Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withBaseStepsSpelledOut(item)]),
  );
  const steps = out.steps;
  if (Array.isArray(steps) && isPlainObject(steps[0]) && "color" in steps[0] && !("value" in steps[0])) {
    out.steps = [{ ...steps[0], value: null }, ...steps.slice(1)];
  }
  return out;
}
