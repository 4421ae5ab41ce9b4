import { describe, expect, it } from "vitest";
import { DashboardSchema } from "@/lib/model/dashboard";
import { firstScreenCalls, firstScreenVariables } from "./first-screen";
import { fetchFirstScreenVariableOptions, optionsByKey } from "./first-screen-variables";
import type { VariableCall } from "./variable-requests";

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);
const project = { datasources: [], scrapeInterval: "15s" };
const grid = { width: 1385, fold: 640 };

const dashboard = DashboardSchema.parse({
  uid: "chained",
  title: "Chained variables",
  time: { from: "now-1h", to: "now" },
  variables: [
    { type: "query", name: "job", query: "label_values(up, job)" },
    { type: "query", name: "instance", query: 'label_values(up{job="$job"}, instance)' },
    { type: "query", name: "mode", query: "label_values(node_cpu_seconds_total, mode)", includeAll: true },
  ],
  panels: [
    {
      id: 1,
      type: "timeseries",
      title: "Up",
      gridPos: { x: 0, y: 0, w: 24, h: 8 },
      targets: [{ kind: "promql", refId: "A", expr: 'up{job="$job",instance="$instance"}' }],
    },
  ],
});

/** Stands for Prometheus: which instances each job has. */
const TARGETS: Record<string, string[]> = { api: ["api-1:8080", "api-2:8080"], db: ["db-1:9187"] };

function answer(call: VariableCall): string[] {
  if (call.endpoint === "label/job/values") return Object.keys(TARGETS);
  if (call.endpoint === "label/mode/values") return ["idle", "user"];
  const job = call.params["var-job"]?.[0];
  return job ? (TARGETS[job] ?? []) : Object.values(TARGETS).flat();
}

describe("fetchFirstScreenVariableOptions", () => {
  it("asks in rounds, as the page would: a variable whose call follows an earlier one's value is asked again", async () => {
    const asked: string[] = [];
    const answers = await fetchFirstScreenVariableOptions(
      { project, dashboard, view: undefined, now: NOW },
      async (call) => {
        asked.push(`${call.endpoint} ${JSON.stringify(call.params["var-job"] ?? null)}`);
        return answer(call);
      },
    );
    expect(asked).toEqual([
      "label/job/values null",
      "label/instance/values null",
      "label/mode/values null",
      'label/instance/values ["api"]',
    ]);
    // Only what the page will ask for: $instance's call before $job had a value is not.
    expect(answers.map(({ call, options }) => [call.endpoint, options])).toEqual([
      ["label/job/values", ["api", "db"]],
      ["label/mode/values", ["idle", "user"]],
      ["label/instance/values", ["api-1:8080", "api-2:8080"]],
    ]);
    const variables = firstScreenVariables({
      project,
      dashboard,
      view: undefined,
      now: NOW,
      variableOptions: optionsByKey(answers),
    });
    expect(variables?.selections).toEqual({ job: ["api"], instance: ["api-1:8080"], mode: ["$__all"] });
    expect(variables?.unknown).toEqual([]);
  });

  it("plans the panels that waited for those values", async () => {
    const before = firstScreenCalls({ project, dashboard, view: undefined, now: NOW, grid });
    expect(before).toEqual([]);
    const answers = await fetchFirstScreenVariableOptions(
      { project, dashboard, view: undefined, now: NOW },
      async (call) => answer(call),
    );
    const after = firstScreenCalls({
      project,
      dashboard,
      view: undefined,
      now: NOW,
      grid,
      variableOptions: optionsByKey(answers),
    });
    expect(after.map((call) => call.params)).toEqual([
      expect.objectContaining({ "var-job": ["api"], "var-instance": ["api-1:8080"] }),
    ]);
  });

  it("follows the address's values: nothing to ask in a second round", async () => {
    const asked: string[] = [];
    await fetchFirstScreenVariableOptions(
      { project, dashboard, view: { variableSelections: { job: ["db"] } }, now: NOW },
      async (call) => {
        asked.push(`${call.endpoint} ${JSON.stringify(call.params["var-job"] ?? null)}`);
        return answer(call);
      },
    );
    expect(asked).toEqual([
      "label/job/values null",
      'label/instance/values ["db"]',
      "label/mode/values null",
    ]);
  });

  it("leaves a variable whose options could not be had to the page, and stops at the deadline", async () => {
    const failed = await fetchFirstScreenVariableOptions(
      { project, dashboard, view: undefined, now: NOW },
      async () => null,
    );
    expect(failed).toEqual([]);
    expect(
      firstScreenVariables({
        project,
        dashboard,
        view: undefined,
        now: NOW,
        variableOptions: optionsByKey(failed),
      })?.unknown,
    ).toEqual(["job", "instance"]);

    const late = new AbortController();
    const answers = await fetchFirstScreenVariableOptions(
      { project, dashboard, view: undefined, now: NOW },
      async (call) => {
        late.abort();
        return answer(call);
      },
      late.signal,
    );
    // The first round's answers count; no second round starts after the deadline.
    expect(answers.map(({ call }) => call.endpoint)).toEqual(["label/job/values", "label/mode/values"]);
  });

  it("treats a fetch that throws as one that could not answer", async () => {
    const answers = await fetchFirstScreenVariableOptions(
      { project, dashboard, view: undefined, now: NOW },
      async () => {
        throw new Error("Prometheus went away");
      },
    );
    expect(answers).toEqual([]);
  });
});
