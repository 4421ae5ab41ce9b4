import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import type { Panel, Project } from "../../model";
import { expectGolden } from "../golden";
import { toGrafanaDashboard } from "../grafana";
import { smallProject } from "../testdata/small-project";
import { generateKubernetes, kubernetesWarnings } from "./index";

type Doc = Record<string, unknown>;

function docs(content: string): Doc[] {
  return parseAllDocuments(content).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Doc;
  });
}

function fileDocs(files: readonly { path: string; content: string }[], filePath: string): Doc[] {
  const file = files.find((f) => f.path === filePath);
  if (!file) throw new Error(`${filePath} was not generated`);
  return docs(file.content);
}

/** Every `{name, key}` pair below a value: the operator's and Kubernetes' secret key selectors. */
function secretSelectors(value: unknown): { name: string; key: string }[] {
  if (Array.isArray(value)) return value.flatMap(secretSelectors);
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.join() === "key,name" && typeof record.name === "string" && typeof record.key === "string") {
    return [{ name: record.name, key: record.key }];
  }
  return Object.values(record).flatMap(secretSelectors);
}

function metadata(doc: Doc): { name: string; namespace: string; labels: Record<string, string> } {
  return doc.metadata as { name: string; namespace: string; labels: Record<string, string> };
}

function withReleaseLabel(release: string): Project {
  const project = smallProject();
  project.kubernetes.releaseLabel = release;
  return project;
}

describe("generateKubernetes", () => {
  const project = smallProject();
  const files = generateKubernetes(project);

  it("matches the golden files", () => {
    expectGolden(import.meta.dirname, "small", files);
  });

  it("writes YAML that parses without errors", () => {
    for (const file of files) {
      const parsed = parseAllDocuments(file.content);
      for (const doc of parsed) expect(doc.errors, file.path).toEqual([]);
    }
  });

  it.each(["kube-prometheus-stack", "monitoring-stack"])(
    "labels the operator's resources with the release label %s and selects them by it",
    (release) => {
      const generated = generateKubernetes(withReleaseLabel(release));
      for (const [filePath, kind] of [
        ["kubernetes/prometheus-rule.yaml", "PrometheusRule"],
        ["kubernetes/service-monitor.yaml", "ServiceMonitor"],
        ["kubernetes/alertmanager-config.yaml", "AlertmanagerConfig"],
      ] as const) {
        const [doc] = fileDocs(generated, filePath);
        expect(doc?.kind).toBe(kind);
        expect(doc && metadata(doc).labels.release).toBe(release);
      }
      const [values] = fileDocs(generated, "kubernetes/values.yaml");
      const selector = { matchLabels: { release } };
      expect(values).toMatchObject({
        prometheus: { prometheusSpec: { ruleSelector: selector, serviceMonitorSelector: selector } },
        alertmanager: { alertmanagerSpec: { alertmanagerConfigSelector: selector } },
      });
    },
  );

  it("writes PrometheusRule groups that promtool accepts", () => {
    const [rule] = fileDocs(files, "kubernetes/prometheus-rule.yaml");
    if (!rule) throw new Error("no PrometheusRule");
    const groups = (rule.spec as { groups: unknown[] }).groups;
    expect(groups.length).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-k8s-rules-"));
    try {
      const file = path.join(dir, "rules.yml");
      writeFileSync(file, stringify({ groups }));
      const output = execFileSync("promtool", ["check", "rules", file], { encoding: "utf8" });
      expect(output).toContain("SUCCESS");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("defines every secret key the manifests and values reference, with empty values", () => {
    const secrets = fileDocs(files, "kubernetes/secrets.example.yaml");
    const available = new Set(
      secrets.flatMap((secret) =>
        Object.entries(secret.stringData as Record<string, string>).map(([key, value]) => {
          expect(value).toBe("");
          return `${metadata(secret).name}/${key}`;
        }),
      ),
    );
    const referenced = files
      .filter((file) => file.path !== "kubernetes/secrets.example.yaml")
      .flatMap((file) => docs(file.content))
      .flatMap(secretSelectors)
      .map(({ name, key }) => `${name}/${key}`);
    expect(referenced).toEqual(
      expect.arrayContaining([
        "shop-api-scrape-secrets/fraiseql_metrics_token",
        "shop-api-alerting-secrets/smtp_password",
        "shop-api-grafana-secrets/app_db_reader_password",
      ]),
    );
    for (const ref of referenced) expect(available, ref).toContain(ref);
    for (const secret of secrets) expect(metadata(secret).namespace).toBe(project.kubernetes.namespace);
  });

  it("fills every $__env{} of the Grafana datasources from the Grafana Secret", () => {
    const [values] = fileDocs(files, "kubernetes/values.yaml");
    const grafana = (values as { grafana: { envValueFrom?: Record<string, unknown> } }).grafana;
    const content = files.find((file) => file.path === "kubernetes/values.yaml")?.content ?? "";
    const envNames = [...content.matchAll(/\$__env\{(\w+)\}/g)].map((match) => match[1]);
    expect(envNames.length).toBeGreaterThan(0);
    for (const name of envNames) expect(Object.keys(grafana.envValueFrom ?? {})).toContain(name);
  });

  it("puts each dashboard's Grafana JSON in a ConfigMap the sidecar picks up", () => {
    for (const dashboard of project.dashboards) {
      const [configMap] = fileDocs(files, `kubernetes/dashboards/${dashboard.uid}.yaml`);
      if (!configMap) throw new Error("no ConfigMap");
      expect(metadata(configMap).labels.grafana_dashboard).toBe("1");
      expect(metadata(configMap).namespace).toBe(project.kubernetes.namespace);
      const data = configMap.data as Record<string, string>;
      expect(JSON.parse(data[`${dashboard.uid}.json`] ?? "")).toEqual(toGrafanaDashboard(project, dashboard));
    }
  });

  it("selects the application's Service by app.kubernetes.io/name when no selector is set", () => {
    const bare = smallProject();
    bare.kubernetes.appSelector = {};
    const [monitor] = fileDocs(generateKubernetes(bare), "kubernetes/service-monitor.yaml");
    expect(monitor?.spec).toMatchObject({
      namespaceSelector: { matchNames: ["shop"] },
      selector: { matchLabels: { "app.kubernetes.io/name": "shop-api" } },
    });
  });

  it("generates nothing when Kubernetes is turned off", () => {
    const off = smallProject();
    off.kubernetes.enabled = false;
    expect(generateKubernetes(off)).toEqual([]);
    expect(kubernetesWarnings(off)).toEqual([]);
  });
});

/** A dashboard of `count` timeseries panels, two per grid row. */
function withDashboard(project: Project, uid: string, count: number): Project {
  const panels: Panel[] = Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    type: "timeseries",
    title: `Panel ${index + 1}`,
    gridPos: { x: (index % 2) * 12, y: Math.floor(index / 2) * 8, w: 12, h: 8 },
    targets: [
      {
        kind: "promql",
        refId: "A",
        expr: `sum by (instance) (rate(fraiseql_graphql_queries_total{panel="${index}"}[$__rate_interval]))`,
        instant: false,
        format: "time_series",
      },
    ],
    legend: { show: true, placement: "bottom", displayMode: "list", calcs: [] },
    drawStyle: "line",
    fillOpacity: 10,
    stacking: "none",
  }));
  project.dashboards.push({
    uid,
    title: uid,
    tags: [],
    refresh: "30s",
    time: { from: "now-6h", to: "now" },
    timezone: "browser",
    variables: [],
    panels,
  });
  return project;
}

describe("kubernetesWarnings", () => {
  it("has nothing to say about the small project", () => {
    expect(kubernetesWarnings(smallProject())).toEqual([]);
  });

  it("warns when a dashboard ConfigMap outgrows client-side kubectl apply", () => {
    const project = withDashboard(smallProject(), "huge", 400);
    const file = generateKubernetes(project).find((f) => f.path === "kubernetes/dashboards/huge.yaml");
    expect(Buffer.byteLength(file?.content ?? "")).toBeGreaterThan(262_144);
    const warnings = kubernetesWarnings(project);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("kubernetes/dashboards/huge.yaml");
    expect(warnings[0]).toContain("kubectl apply --server-side");
  });

  it("warns when a dashboard ConfigMap nears the 1 MiB ConfigMap limit", () => {
    const project = withDashboard(smallProject(), "enormous", 1100);
    const warnings = kubernetesWarnings(project);
    expect(
      warnings.some((w) => w.includes("1 MiB") && w.includes("kubernetes/dashboards/enormous.yaml")),
    ).toBe(true);
  });
});

/** The small project with time intervals (one with a location), routes naming them and a basic-auth webhook. */
function alertingProject(): Project {
  const base = smallProject();
  return {
    ...base,
    kubernetes: { ...base.kubernetes, enabled: true },
    receivers: [
      ...base.receivers,
      {
        name: "hook",
        integrations: [
          {
            type: "webhook",
            url: "https://hooks.example.com/alerts",
            sendResolved: true,
            maxAlerts: 0,
            basicAuth: { username: "alertmanager", password: { secret: "HOOK_PASSWORD" } },
          },
        ],
      },
    ],
    route: {
      ...base.route,
      routes: [
        ...base.route.routes,
        {
          receiver: "hook",
          matchers: [{ label: "team", op: "=", value: "web" }],
          continue: false,
          muteTimeIntervals: ["nights"],
          activeTimeIntervals: ["office"],
          routes: [],
        },
      ],
    },
    alertmanager: {
      templates: [],
      timeIntervals: [
        {
          name: "nights",
          timeIntervals: [
            { times: [{ startTime: "00:00", endTime: "07:00" }], weekdays: ["monday:friday"] },
            { daysOfMonth: ["1", "-3:-1"], months: ["december"], years: ["2026:2027"] },
          ],
        },
        {
          name: "office",
          timeIntervals: [{ times: [{ startTime: "09:00", endTime: "17:00" }], location: "Europe/Paris" }],
        },
      ],
    },
  };
}

describe("the AlertmanagerConfig's time intervals and webhook basic auth", () => {
  const files = generateKubernetes(alertingProject());

  it("matches the golden files", () => {
    expectGolden(import.meta.dirname, "alerting", files);
  });

  it("reads the basic-auth user name and password from keys of the alerting Secret, the name filled in", () => {
    const [config] = fileDocs(files, "kubernetes/alertmanager-config.yaml") as [Doc];
    const spec = config.spec as { receivers: { name: string; webhookConfigs?: Doc[] }[] };
    const hook = spec.receivers.find((r) => r.name === "hook")?.webhookConfigs?.[0];
    if (!hook) throw new Error("no webhook config for hook");
    const basicAuth = (hook.httpConfig as { basicAuth: { username: Doc; password: Doc } }).basicAuth;
    const secrets = fileDocs(files, "kubernetes/secrets.example.yaml");
    const alerting = secrets.find((doc) => metadata(doc).name === basicAuth.password.name);
    const data = alerting?.stringData as Record<string, string>;
    expect(data[basicAuth.username.key as string]).toBe("alertmanager");
    expect(data[basicAuth.password.key as string]).toBe("");
  });
});

describe("kubernetesWarnings about the AlertmanagerConfig", () => {
  it("names verbatim integrations, a time interval's location and global settings it leaves out", () => {
    const base = alertingProject();
    const project: Project = {
      ...base,
      receivers: [
        ...base.receivers,
        {
          name: "genie",
          integrations: [],
          verbatim: [
            { key: "opsgenie_configs", config: {}, secretPaths: [], secretRefs: { api_key: "GENIE_KEY" } },
          ],
        },
      ],
      alertmanager: { ...base.alertmanager, global: { config: { smtp_from: "a@b.c" }, secretPaths: [] } },
    };
    const warnings = kubernetesWarnings(project).join("\n");
    expect(warnings).toContain("genie (opsgenie_configs)");
    expect(warnings).toContain("time intervals office in UTC");
    expect(warnings).not.toContain("nights");
    expect(warnings).not.toContain("basic auth");
    expect(warnings).toContain("no global settings");
    const small = smallProject();
    expect(
      kubernetesWarnings({ ...small, kubernetes: { ...small.kubernetes, enabled: true } }).join("\n"),
    ).not.toContain("alertmanager-config.yaml");
  });
});
