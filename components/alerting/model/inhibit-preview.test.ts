import { describe, expect, it } from "vitest";
import { InhibitRuleSchema } from "@/lib/model/alertmanager";
import { inhibitPreview } from "./inhibit-preview";
import type { ProjectAlert } from "./project-alerts";

function alert(name: string, labels: Record<string, string>): ProjectAlert {
  return { key: `g / ${name}`, alert: name, group: "g", labels: { alertname: name, ...labels } };
}

const ALERTS = [
  alert("ApiDown", { severity: "critical", service: "api" }),
  alert("ApiSlow", { severity: "warning", service: "api" }),
  alert("WebSlow", { severity: "warning", service: "web" }),
  alert("DbDown", { severity: "critical" }),
];

describe("what an inhibit rule silences among the project's alerts", () => {
  it("silences targets while a source with the same equal labels fires", () => {
    const rule = InhibitRuleSchema.parse({
      sourceMatchers: [{ label: "severity", value: "critical" }],
      targetMatchers: [{ label: "severity", value: "warning" }],
      equal: ["service"],
    });
    const preview = inhibitPreview(rule, ALERTS);
    if (!preview.ok) throw new Error(preview.message);
    expect(
      preview.silenced.map(({ target, sources }) => [target.alert, sources.map((s) => s.alert)]),
    ).toEqual([["ApiSlow", ["ApiDown"]]]);
  });

  it("a label missing on both sides counts as equal", () => {
    const rule = InhibitRuleSchema.parse({
      sourceMatchers: [{ label: "alertname", value: "DbDown" }],
      targetMatchers: [{ label: "severity", value: "warning" }],
      equal: ["region"],
    });
    const preview = inhibitPreview(rule, ALERTS);
    expect(preview.ok && preview.silenced.map(({ target }) => target.alert)).toEqual(["ApiSlow", "WebSlow"]);
  });

  it("an alert matching both sides does not silence itself", () => {
    const rule = InhibitRuleSchema.parse({ equal: ["alertname"] });
    const preview = inhibitPreview(rule, ALERTS);
    expect(preview.ok && preview.silenced).toEqual([]);
  });

  it("a regex that does not compile is said, not thrown", () => {
    const rule = InhibitRuleSchema.parse({ sourceMatchers: [{ label: "a", op: "=~", value: "(" }] });
    expect(inhibitPreview(rule, ALERTS).ok).toBe(false);
  });
});
