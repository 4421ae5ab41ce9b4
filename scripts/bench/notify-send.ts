/**
 * npm run bench notify — prints figures, asserts nothing: a test send from a receiver through the
 * production server (POST …/receivers/{name}/test) to local sinks, end to end (the project read,
 * the message rendered, the secret read, the post or SMTP exchange, the delivery log written).
 * The seed asks for under 2 s.
 */
import { rmSync } from "node:fs";
import {
  type HttpSink,
  type SmtpSink,
  startHttpSink,
  startSmtpSink,
} from "../../lib/alerting/notify/testing/sinks";
import { makeTempDir } from "../../lib/tools/files";
import { ensureBuild, startApp } from "./server";
import { summary } from "./stats";

const SENDS = 20;

interface Created {
  id: string;
  version: number;
  project: { receivers: unknown[] } & Record<string, unknown>;
}

async function json<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json" } });
  if (!response.ok) throw new Error(`${init.method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function measure(base: string, id: string, receiver: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SENDS; i++) {
    const started = performance.now();
    const answer = await json<{ deliveries: { outcome: string }[] }>(
      `${base}/api/projects/${id}/receivers/${receiver}/test`,
      {
        method: "POST",
        body: "{}",
      },
    );
    times.push(performance.now() - started);
    if (answer.deliveries[0]?.outcome !== "delivered") throw new Error(JSON.stringify(answer.deliveries));
  }
  return times;
}

export async function benchNotify(): Promise<void> {
  ensureBuild();
  const dataDir = makeTempDir("obsforge-bench-notify");
  let http: HttpSink | undefined;
  let smtp: SmtpSink | undefined;
  const { url: base, server } = await startApp({ OBSFORGE_DATA_DIR: dataDir });
  try {
    http = await startHttpSink();
    smtp = await startSmtpSink();
    const created = await json<Created>(`${base}/api/projects`, {
      method: "POST",
      body: JSON.stringify({ template: "standard", name: "notify bench" }),
    });
    const receivers = [
      ...created.project.receivers,
      {
        name: "bench-slack",
        integrations: [{ type: "slack", channel: "#bench", apiUrl: { secret: "BENCH_SLACK_URL" } }],
      },
      {
        name: "bench-mail",
        integrations: [
          { type: "email", to: "bench@example.com", smarthost: `127.0.0.1:${smtp.port}`, requireTls: false },
        ],
      },
    ];
    await json(`${base}/api/projects/${created.id}`, {
      method: "PUT",
      body: JSON.stringify({ version: created.version, project: { ...created.project, receivers } }),
    });
    await json(`${base}/api/projects/${created.id}/secrets/BENCH_SLACK_URL`, {
      method: "PUT",
      body: JSON.stringify({ value: `${http.base}/slack` }),
    });
    const rows = [
      {
        send: "Slack webhook to a local HTTP sink",
        ...summary(await measure(base, created.id, "bench-slack")),
      },
      { send: "E-mail to a local SMTP sink", ...summary(await measure(base, created.id, "bench-mail")) },
    ];
    console.log(
      `\nTest send to a local sink (${SENDS} sends each, through the production server; aim < 2000 ms)`,
    );
    console.table(rows);
  } finally {
    await server.stop();
    await http?.close();
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
