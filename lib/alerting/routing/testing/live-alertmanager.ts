import { spawnSync } from "node:child_process";
import path from "node:path";
import { generateAlertmanager } from "../../../generate/alertmanager";
import type { Labels, Project } from "../../../model";
import { freePort, type RunningProcess, startProcess, waitFor } from "../../../testing/processes";
import { writeFiles } from "../../../tools/files";

/**
 * A real Alertmanager for the routing engine's live tests (grouping, inhibition): the project's
 * generated configuration, on a free loopback port, with clustering off, ready to take alerts.
 */

export interface LiveAlertmanager {
  /** `http://127.0.0.1:<port>` */
  base: string;
  alertmanager: RunningProcess;
}

export function alertmanagerBinary(): string {
  return spawnSync("alertmanager", ["--version"]).status === 0 ? "alertmanager" : "prometheus-alertmanager";
}

/** Writes the project's Alertmanager configuration under configDir and starts Alertmanager on it. */
export async function startAlertmanager(project: Project, configDir: string): Promise<LiveAlertmanager> {
  writeFiles(configDir, generateAlertmanager(project));
  const port = await freePort();
  const alertmanager = startProcess(alertmanagerBinary(), [
    `--config.file=${path.join(configDir, "alertmanager/alertmanager.yml")}`,
    `--storage.path=${path.join(configDir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--cluster.listen-address=",
  ]);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => ((await fetch(`${base}/-/ready`)).ok ? true : undefined),
      20_000,
      () => alertmanager.output(),
    );
  } catch (error) {
    await alertmanager.stop();
    throw error;
  }
  return { base, alertmanager };
}

/** Posts the label sets as alerts firing for the next hour (POST /api/v2/alerts). */
export function postAlerts(base: string, alerts: readonly Labels[]): Promise<Response> {
  const endsAt = new Date(Date.now() + 3_600_000).toISOString();
  return fetch(`${base}/api/v2/alerts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(alerts.map((labels) => ({ labels, endsAt }))),
  });
}

/** A label set as a comparable string, independent of key order. */
export const labelsKey = (labels: Labels): string => JSON.stringify(Object.entries(labels).sort());
