import { describe, expect, it } from "vitest";
import { defaultSloSpec } from "@/lib/model/slo";
import { draftToSpec, specToDraft } from "./slo-draft";

describe("SLO form draft", () => {
  it("round-trips a spec through the form", () => {
    const spec = {
      ...defaultSloSpec(),
      groupBy: ["route"],
      pageLabels: { severity: "critical", team: "api" },
    };
    expect(draftToSpec(specToDraft(spec))).toEqual({ ok: true, spec });
    const latency = {
      ...defaultSloSpec(),
      indicator: {
        kind: "latency" as const,
        histogram: "h_seconds",
        threshold: "0.3",
        matchers: 'job="api"',
      },
    };
    expect(draftToSpec(specToDraft(latency))).toEqual({ ok: true, spec: latency });
  });

  it("names the field of every problem", () => {
    const draft = {
      ...specToDraft(defaultSloSpec()),
      objective: "100",
      eventsQuery: "",
      pageLabels: "severity",
    };
    const result = draftToSpec(draft);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((i) => i.path);
    expect(paths).toEqual(["pageLabels", "indicator.events", "objective"]);
    const text = draftToSpec({ ...specToDraft(defaultSloSpec()), objective: "abc" });
    expect(text.ok ? [] : text.issues.map((i) => i.path)).toEqual(["objective"]);
  });
});
