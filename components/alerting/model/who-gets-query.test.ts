import { describe, expect, it } from "vitest";
import { whoGets } from "@/lib/alerting/routing/who-gets";
import { RouteSchema } from "@/lib/model/alertmanager";
import { projectFromTemplate } from "@/lib/catalog/templates";
import { labelSetText, projectAlerts } from "./project-alerts";
import { highlightedPaths, matchedPaths, querySets, runWhoGets } from "./who-gets-query";

const ROUTE = RouteSchema.parse({
  receiver: "default",
  routes: [
    { receiver: "pager", matchers: [{ label: "severity", value: "critical" }], continue: true },
    {
      receiver: "api",
      matchers: [{ label: "service", op: "=~", value: "api|web" }],
      routes: [{ receiver: "api-db", matchers: [{ label: "component", value: "db" }] }],
    },
  ],
});

describe("who gets this alert", () => {
  it("answers a typed label set with every route on the way, as the routing engine does", () => {
    const result = runWhoGets(ROUTE, "typed", "severity=critical,service=api", []);
    if (!result.ok) throw new Error(result.message);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]?.answer.receivers).toEqual(["pager", "api"]);
    expect(result.rows[0]?.answer).toEqual(whoGets(ROUTE, [{ severity: "critical", service: "api" }])[0]);
    expect([...matchedPaths(result.rows)].sort()).toEqual(["0", "1"]);
    expect([...highlightedPaths(result.rows)].sort()).toEqual(["", "0", "1"]);
  });

  it("reads a pasted list line by line, naming the lines that do not parse", () => {
    const result = runWhoGets(
      ROUTE,
      "pasted",
      "service=web,component=db\n\n# note\nseverity=~crit\nteam=x",
      [],
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.rows.map((row) => [row.source, row.answer.receivers])).toEqual([
      ["line 1", ["api-db"]],
      ["line 5", ["default"]],
    ]);
    expect(result.problems).toEqual(["line 4: labels must be specified as key=value pairs: severity=~"]);
    expect(matchedPaths(result.rows)).toEqual(new Set(["1.0", ""]));
  });

  it("asks about every alert of the project's rules with their labels", () => {
    const project = projectFromTemplate({ name: "Shop", level: "standard" });
    const alerts = projectAlerts(project.ruleGroups);
    expect(alerts.length).toBeGreaterThan(3);
    for (const alert of alerts) expect(alert.labels.alertname).toBe(alert.alert);
    const { sets } = querySets("rules", "", alerts);
    expect(sets).toHaveLength(alerts.length);
    const result = runWhoGets(ROUTE, "rules", "", alerts);
    if (!result.ok) throw new Error(result.message);
    const critical = result.rows.filter((row) => row.answer.labels.severity === "critical");
    expect(critical.length).toBeGreaterThan(0);
    for (const row of critical) expect(row.answer.receivers[0]).toBe("pager");
  });

  it("says why it cannot answer while a regex does not compile", () => {
    const broken = RouteSchema.parse({
      receiver: "default",
      routes: [{ receiver: "x", matchers: [{ label: "a", op: "=~", value: "(" }] }],
    });
    const result = runWhoGets(broken, "typed", "a=b", []);
    expect(result.ok).toBe(false);
  });

  it("an empty typed box asks nothing; a bad one says why", () => {
    expect(runWhoGets(ROUTE, "typed", "  ", [])).toEqual({ ok: true, rows: [], problems: [] });
    const bad = runWhoGets(ROUTE, "typed", 'a="b', []);
    expect(bad.ok && bad.problems[0]).toMatch(/unescaped double quote/);
  });

  it("writes label sets back in the form the box reads", () => {
    const labels = { alertname: "X", summary: 'a "quoted", value' };
    const result = runWhoGets(ROUTE, "typed", labelSetText(labels), []);
    expect(result.ok && result.rows[0]?.answer.labels).toEqual(labels);
  });
});
