import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import type { Dashboard } from "../model/dashboard";
import type { Panel, RowPanel } from "../model/panel";
import type { Project } from "../model/project";
import type { RuleGroup } from "../model/rule";
import {
  describeProjectChange,
  describeSectionChange,
  formatChanges,
  MAX_DETAILS,
  pairSections,
} from "./change-summary";

const BASE = projectFromTemplate({ name: "Shop", level: "basic", version: "v2" });
const OPERATIONS = "fraiseql-operations";
const PERFORMANCE_RULES = "fraiseql-performance";

function edit(change: (project: Project) => void): Project {
  const project = structuredClone(BASE);
  change(project);
  return project;
}

function dashboard(project: Project, uid = OPERATIONS): Dashboard {
  const found = project.dashboards.find((candidate) => candidate.uid === uid);
  if (!found) throw new Error(`no dashboard ${uid}`);
  return found;
}

function panel(project: Project, title: string): Panel {
  const found = dashboard(project).panels.find((candidate) => candidate.title === title);
  if (!found) throw new Error(`no panel ${title}`);
  return found;
}

/** A panel that is not a row, so its unit and decimals can be set. */
function contentPanel(project: Project, title: string): Exclude<Panel, RowPanel> {
  const found = panel(project, title);
  if (found.type === "row") throw new Error(`${title} is a row`);
  return found;
}

function ruleGroup(project: Project, name = PERFORMANCE_RULES): RuleGroup {
  const found = project.ruleGroups.find((group) => group.name === name);
  if (!found) throw new Error(`no rule group ${name}`);
  return found;
}

const cases: { name: string; edit: (project: Project) => void; summary: string }[] = [
  { name: "nothing", edit: () => {}, summary: "" },
  {
    name: "metrics retention",
    edit: (project) => {
      project.retention.metrics = "45d";
    },
    summary: "settings: metrics retention 30d → 45d",
  },
  {
    name: "name, environment and logs retention",
    edit: (project) => {
      project.name = "Shop EU";
      project.environment = "staging";
      project.retention.logs = "7d";
    },
    summary: 'settings: name "Shop" → "Shop EU", environment production → staging, logs retention 30d → 7d',
  },
  {
    name: "a datasource renamed, a scrape target removed, the log shipper",
    edit: (project) => {
      const prometheus = project.datasources.find((datasource) => datasource.uid === "prometheus");
      if (prometheus) prometheus.name = "Prometheus (prod)";
      project.scrapeTargets = project.scrapeTargets.filter((target) => target.job !== "postgres");
      project.logs.shipper = "promtail";
    },
    summary:
      'settings: datasource "Prometheus (prod)" changed, scrape target "postgres" removed, log shipper alloy → promtail',
  },
  {
    name: "datasources reordered",
    edit: (project) => {
      project.datasources.reverse();
    },
    summary: "settings: datasources reordered",
  },
  {
    name: "two datasources added",
    edit: (project) => {
      project.datasources.push(
        { uid: "loki-a", name: "Loki A", type: "loki", url: "http://a:3100", isDefault: false },
        { uid: "loki-b", name: "Loki B", type: "loki", url: "http://b:3100", isDefault: false },
      );
    },
    summary: 'settings: datasources "Loki A" and "Loki B" added',
  },
  {
    name: "logs off and a new scrape interval",
    edit: (project) => {
      project.logs.enabled = false;
      project.scrapeInterval = "30s";
    },
    summary: "settings: scrape interval 15s → 30s, logs disabled",
  },
  {
    name: "Kubernetes and the Grafana URL",
    edit: (project) => {
      project.kubernetes.namespace = "observability";
      project.links.grafanaUrl = "https://grafana.example.com";
    },
    summary:
      "settings: Kubernetes settings changed, Grafana URL http://localhost:3000 → https://grafana.example.com",
  },
  {
    name: "one panel, named",
    edit: (project) => {
      contentPanel(project, "Request rate").unit = "ops";
    },
    summary: 'dashboard "Operations Overview": panel "Request rate" changed',
  },
  {
    name: "two panels, named",
    edit: (project) => {
      contentPanel(project, "Request rate").unit = "ops";
      contentPanel(project, "Error rate").decimals = 3;
    },
    summary: 'dashboard "Operations Overview": panels "Request rate" and "Error rate" changed',
  },
  {
    name: "three panels, counted",
    edit: (project) => {
      for (const title of ["Request rate", "Error rate", "Cache hit rate"])
        contentPanel(project, title).unit = "none";
    },
    summary: 'dashboard "Operations Overview": 3 panels changed',
  },
  {
    name: "a panel moved, another removed",
    edit: (project) => {
      panel(project, "Throughput").gridPos.x = 12;
      const board = dashboard(project);
      board.panels = board.panels.filter((candidate) => candidate.title !== "Top operations");
    },
    summary: 'dashboard "Operations Overview": panel "Top operations" removed, panel "Throughput" moved',
  },
  {
    name: "a panel added and a row collapsed",
    edit: (project) => {
      const board = dashboard(project);
      board.panels.push({
        ...structuredClone(panel(project, "Request rate")),
        id: 99,
        title: "Requests (copy)",
      });
      const row = panel(project, "Latency");
      if (row.type === "row") row.collapsed = true;
    },
    summary: 'dashboard "Operations Overview": panel "Requests (copy)" added, row "Latency" collapsed',
  },
  {
    name: "title, time range, refresh, tags and a variable",
    edit: (project) => {
      const board = dashboard(project);
      board.title = "Operations";
      board.time = { from: "now-24h", to: "now" };
      board.refresh = "";
      board.tags = [...board.tags, "prod"];
      const variable = board.variables[0];
      if (variable) variable.hide = true;
    },
    summary:
      'dashboard "Operations": title "Operations Overview" → "Operations", time range now-6h → now-24h, refresh 30s → off, tag "prod" added, variable "instance" changed',
  },
  {
    name: "an absolute time range",
    edit: (project) => {
      dashboard(project).time = { from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" };
    },
    summary:
      'dashboard "Operations Overview": time range now-6h → 2026-01-01T00:00:00Z to 2026-01-02T00:00:00Z',
  },
  {
    name: "a dashboard removed, another added",
    edit: (project) => {
      const infrastructure = dashboard(project, "fraiseql-infrastructure");
      project.dashboards = project.dashboards.filter((candidate) => candidate !== infrastructure);
      project.dashboards.push({ ...structuredClone(infrastructure), uid: "hosts", title: "Hosts" });
    },
    summary: 'dashboard "Hosts" added; dashboard "Infrastructure" removed',
  },
  {
    name: "a rule disabled, the group's interval",
    edit: (project) => {
      const group = ruleGroup(project);
      group.interval = "30s";
      const rule = group.rules[0];
      if (rule) rule.enabled = false;
    },
    summary: 'rule group "fraiseql-performance": interval default → 30s, rule "HighErrorRate" disabled',
  },
  {
    name: "a rule changed, a rule removed",
    edit: (project) => {
      const group = ruleGroup(project, "fraiseql-availability");
      const [first, ...rest] = group.rules;
      if (first?.kind === "alert") first.for = "10m";
      group.rules = [
        first,
        ...rest.filter((rule) => rule.kind !== "alert" || rule.alert !== "DatabaseDown"),
      ].filter((rule) => rule !== undefined);
    },
    summary:
      'rule group "fraiseql-availability": rule "DatabaseDown" removed, rule "DatabaseConnectionPoolExhausted" changed',
  },
  {
    name: "a receiver added, routing to it, no inhibit rules",
    edit: (project) => {
      project.receivers.push({ name: "oncall", integrations: [] });
      project.route.receiver = "oncall";
      project.inhibitRules = [];
    },
    summary: 'alerting: receiver "oncall" added, default receiver "default" → "oncall", inhibit rules 1 → 0',
  },
  {
    name: "a child route and a receiver's integrations",
    edit: (project) => {
      project.route.routes.push({
        receiver: "default",
        matchers: [{ label: "severity", op: "=", value: "critical" }],
        continue: false,
        routes: [],
      });
      project.receivers[0]?.integrations.push({
        type: "webhook",
        url: "https://hooks.example.com/alerts",
        sendResolved: true,
        maxAlerts: 0,
      });
    },
    summary: 'alerting: receiver "default" changed, route tree changed',
  },
  {
    name: "several sections, settings first",
    edit: (project) => {
      contentPanel(project, "Request rate").unit = "ops";
      project.retention.metrics = "45d";
      project.inhibitRules = [];
    },
    summary:
      'settings: metrics retention 30d → 45d; alerting: inhibit rules 1 → 0; dashboard "Operations Overview": panel "Request rate" changed',
  },
  {
    name: "more details than fit",
    edit: (project) => {
      project.name = "Shop EU";
      project.environment = "staging";
      project.retention = { metrics: "45d", logs: "7d" };
      project.scrapeInterval = "30s";
      project.evaluationInterval = "30s";
      project.logs.shipper = "promtail";
    },
    summary:
      'settings: name "Shop" → "Shop EU", environment production → staging, metrics retention 30d → 45d, logs retention 30d → 7d, scrape interval 15s → 30s, and 2 more',
  },
];

describe("describeProjectChange and formatChanges", () => {
  it.each(cases)("$name", ({ edit: change, summary }) => {
    expect(formatChanges(describeProjectChange(BASE, edit(change)))).toBe(summary);
  });

  it("cannot tell a project from its JSON round trip", () => {
    expect(describeProjectChange(BASE, JSON.parse(JSON.stringify(BASE)) as Project)).toEqual([]);
  });

  it("keys each change by its section and caps its details", () => {
    const after = edit((project) => {
      project.name = "Shop EU";
      project.environment = "staging";
      project.retention = { metrics: "45d", logs: "7d" };
      project.scrapeInterval = "30s";
      project.evaluationInterval = "30s";
      project.logs.shipper = "promtail";
      project.ruleGroups = project.ruleGroups.filter((group) => group.name !== PERFORMANCE_RULES);
    });
    const changes = describeProjectChange(BASE, after);
    expect(changes.map(({ key, label, change }) => ({ key, label, change }))).toEqual([
      { key: "settings", label: "settings", change: "changed" },
      {
        key: `rule-group:${PERFORMANCE_RULES}`,
        label: `rule group "${PERFORMANCE_RULES}"`,
        change: "removed",
      },
    ]);
    expect(changes[0]?.details).toHaveLength(MAX_DETAILS + 1);
    expect(changes[1]?.details).toEqual([]);
  });

  it("adds every section of a first version, and counts the sections beyond five", () => {
    const changes = describeProjectChange(undefined, BASE);
    expect(changes).toHaveLength(2 + BASE.dashboards.length + BASE.ruleGroups.length);
    expect(changes.every((change) => change.change === "added")).toBe(true);
    expect(formatChanges(changes)).toBe(
      'settings added; alerting added; dashboard "Operations Overview" added; ' +
        'dashboard "shop - FraiseQL Performance" added; dashboard "Infrastructure" added; and 3 more sections',
    );
  });
});

describe("describeSectionChange", () => {
  const group = ruleGroup(BASE);
  const ref = { kind: "rule-group", name: group.name } as const;

  it.each([
    { name: "both absent", before: undefined, after: undefined, expected: null },
    { name: "equal", before: group, after: structuredClone(group), expected: null },
    {
      name: "added",
      before: undefined,
      after: group,
      expected: {
        key: `rule-group:${group.name}`,
        label: `rule group "${group.name}"`,
        change: "added",
        details: [],
      },
    },
    {
      name: "removed",
      before: group,
      after: undefined,
      expected: {
        key: `rule-group:${group.name}`,
        label: `rule group "${group.name}"`,
        change: "removed",
        details: [],
      },
    },
    {
      name: "changed",
      before: group,
      after: { ...group, interval: "1m" },
      expected: {
        key: `rule-group:${group.name}`,
        label: `rule group "${group.name}"`,
        change: "changed",
        details: ["interval default → 1m"],
      },
    },
  ])("$name", ({ before, after, expected }) => {
    expect(describeSectionChange(ref, before, after)).toEqual(expected);
  });

  it("names a removed dashboard by its title", () => {
    const removed = dashboard(BASE);
    expect(describeSectionChange({ kind: "dashboard", uid: removed.uid }, removed, undefined)?.label).toBe(
      'dashboard "Operations Overview"',
    );
  });
});

describe("pairSections", () => {
  it("pairs sections by key, then lists those only the older version has", () => {
    const after = edit((project) => {
      project.dashboards = project.dashboards.filter((candidate) => candidate.uid !== OPERATIONS);
    });
    const pairs = pairSections(BASE, after);
    expect(pairs.map((pair) => pair.key)).toEqual([
      "settings",
      "alerting",
      ...after.dashboards.map((candidate) => `dashboard:${candidate.uid}`),
      ...after.ruleGroups.map((candidate) => `rule-group:${candidate.name}`),
      `dashboard:${OPERATIONS}`,
    ]);
    expect(pairs.at(-1)?.after).toBeUndefined();
    expect(pairs.at(-1)?.before).toEqual(dashboard(BASE));
  });
});
