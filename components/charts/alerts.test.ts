import { describe, expect, it } from "vitest";
import { filterAlerts, type PreviewAlert, parseLabelFilter } from "./alerts";

const alert = (
  name: string,
  state: PreviewAlert["state"],
  labels: Record<string, string> = {},
): PreviewAlert => ({
  labels: { alertname: name, ...labels },
  annotations: {},
  state,
});

describe("alert list filters", () => {
  it("reads Grafana's label filter", () => {
    expect(parseLabelFilter('{severity="critical", team=~"db.*", x!="a\\"b"}')).toEqual([
      { name: "severity", op: "=", value: "critical" },
      { name: "team", op: "=~", value: "db.*" },
      { name: "x", op: "!=", value: 'a"b' },
    ]);
  });

  it("keeps the chosen states and matching labels, firing first, at most maxItems", () => {
    const alerts = [
      alert("B", "pending", { severity: "warning" }),
      alert("A", "firing", { severity: "critical" }),
      alert("C", "firing", { severity: "warning" }),
    ];
    expect(
      filterAlerts(alerts, { stateFilter: ["firing", "pending"], labelFilter: "", maxItems: 10 }).map(
        (a) => a.labels.alertname,
      ),
    ).toEqual(["A", "C", "B"]);
    expect(
      filterAlerts(alerts, { stateFilter: ["firing"], labelFilter: 'severity="warning"', maxItems: 10 }).map(
        (a) => a.labels.alertname,
      ),
    ).toEqual(["C"]);
    expect(
      filterAlerts(alerts, { stateFilter: [], labelFilter: 'severity!~"crit.*"', maxItems: 1 }),
    ).toHaveLength(1);
  });
});
