import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import { type Project, parseProject } from "../model";
import { freePort, type RunningProcess, startProcess, waitFor } from "../testing/processes";
import { makeTempDir, writeFiles } from "../tools/files";
import { generateBundle } from "./bundle";

/**
 * End to end with the real programs: Prometheus runs the generated config and rules, scraping a
 * target this test serves with a connection-pool gauge past the catalog's threshold; Alertmanager
 * runs the generated config, routing to a webhook sink here. Prometheus evaluates rules in real
 * time, so the test shortens intervals (scrape, evaluation, `for`, group_wait), never the logic.
 */

const ALERT = "DatabaseConnectionPoolExhausted";

function alertmanagerBinary(): string {
  return spawnSync("alertmanager", ["--version"]).status === 0 ? "alertmanager" : "prometheus-alertmanager";
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on("end", () => resolve(body));
  });
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
}

interface WebhookAlert {
  status: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

function projectForLiveRun(appPort: number, sinkPort: number): Project {
  const base = projectFromTemplate({ name: "Live Shop", level: "basic", appTarget: `127.0.0.1:${appPort}` });
  const ruleGroups = base.ruleGroups.map((group) => ({
    ...group,
    interval: "1s",
    rules: group.rules.map((rule) => (rule.kind === "alert" ? { ...rule, for: "2s" } : rule)),
  }));
  return parseProject({
    ...base,
    scrapeInterval: "1s",
    evaluationInterval: "1s",
    scrapeTargets: base.scrapeTargets.filter((target) => target.kind === "app"),
    ruleGroups,
    receivers: [
      {
        name: "oncall-webhook",
        integrations: [
          {
            type: "webhook",
            url: `http://127.0.0.1:${sinkPort}/hook`,
            authorization: { scheme: "Bearer", credentials: { secret: "WEBHOOK_TOKEN" } },
          },
        ],
      },
    ],
    route: {
      receiver: "oncall-webhook",
      groupBy: ["alertname"],
      groupWait: "1s",
      groupInterval: "1s",
      repeatInterval: "1h",
    },
  });
}

describe("the generated stack, run by real Prometheus and Alertmanager", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("fires a catalog alert and delivers it to a webhook with the project's labels and annotations", async () => {
    const [appPort, sinkPort, promPort, amPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const dir = makeTempDir("obsforge-live");
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

    // The application: FraiseQL v2 serves /metrics only with its bearer token.
    let scrapedWithToken = false;
    const app = createServer((request, response) => {
      if (request.headers.authorization !== "Bearer metrics-secret") {
        response.writeHead(401).end();
        return;
      }
      scrapedWithToken = true;
      response.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      response.end(
        "# TYPE fraiseql_db_pool_connections_active gauge\nfraiseql_db_pool_connections_active 97\n" +
          "# TYPE fraiseql_db_pool_connections_total gauge\nfraiseql_db_pool_connections_total 100\n" +
          "# TYPE fraiseql_graphql_queries_total counter\nfraiseql_graphql_queries_total 10\n",
      );
    });
    await listen(app, appPort);
    cleanups.push(() => new Promise<void>((resolve) => app.close(() => resolve())));

    const received: WebhookAlert[] = [];
    let webhookAuthorization: string | undefined;
    const sink = createServer(async (request, response) => {
      webhookAuthorization = request.headers.authorization;
      const payload = JSON.parse(await readBody(request)) as { alerts: WebhookAlert[] };
      received.push(...payload.alerts);
      response.writeHead(200).end();
    });
    await listen(sink, sinkPort);
    cleanups.push(() => new Promise<void>((resolve) => sink.close(() => resolve())));

    const project = projectForLiveRun(appPort, sinkPort);
    writeFiles(dir, generateBundle(project));
    // Compose-network names and the container's /run/secrets do not exist outside docker compose;
    // these two rewrites stand in for them and touch nothing else.
    const secrets = path.join(dir, "secrets");
    mkdirSync(secrets);
    writeFileSync(path.join(secrets, "fraiseql_metrics_token"), "metrics-secret\n");
    writeFileSync(path.join(secrets, "webhook_token"), "hook-secret\n");
    for (const file of ["prometheus/prometheus.yml", "alertmanager/alertmanager.yml"]) {
      const full = path.join(dir, file);
      const text = readFileSync(full, "utf8")
        .replaceAll("/run/secrets/", `${secrets}/`)
        .replaceAll("alertmanager:9093", `127.0.0.1:${amPort}`);
      writeFileSync(full, text);
    }
    const check = spawnSync("promtool", ["check", "config", path.join(dir, "prometheus/prometheus.yml")], {
      encoding: "utf8",
    });
    expect(check.status, check.stdout + check.stderr).toBe(0);

    const alertmanager: RunningProcess = startProcess(alertmanagerBinary(), [
      `--config.file=${path.join(dir, "alertmanager/alertmanager.yml")}`,
      `--storage.path=${path.join(dir, "am-data")}`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      "--cluster.listen-address=",
    ]);
    cleanups.push(alertmanager.stop);
    const prometheus: RunningProcess = startProcess("prometheus", [
      `--config.file=${path.join(dir, "prometheus/prometheus.yml")}`,
      `--storage.tsdb.path=${path.join(dir, "prom-data")}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
    ]);
    cleanups.push(prometheus.stop);

    const alert = await waitFor(
      () => received.find((entry) => entry.labels.alertname === ALERT && entry.status === "firing"),
      90_000,
      () =>
        `no ${ALERT} at the webhook.\nprometheus:\n${prometheus.output()}\nalertmanager:\n${alertmanager.output()}`,
    );

    expect(scrapedWithToken).toBe(true);
    expect(webhookAuthorization).toBe("Bearer hook-secret");
    const rule = project.ruleGroups
      .flatMap((group) => group.rules)
      .find((r) => r.kind === "alert" && r.alert === ALERT);
    expect(rule?.kind).toBe("alert");
    if (rule?.kind !== "alert") return;
    expect(alert.labels).toMatchObject({
      alertname: ALERT,
      severity: rule.labels.severity,
      category: rule.labels.category,
      job: "fraiseql",
    });
    expect(alert.annotations.summary).toBeTruthy();
    expect(alert.annotations.runbook_url).toBe(`runbooks/${ALERT}.md`);
    expect(alert.annotations.description).not.toContain("{{");
  }, 150_000);
});
