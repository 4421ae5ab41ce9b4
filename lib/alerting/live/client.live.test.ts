import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Labels, parseProject } from "../../model";
import { PreviewError } from "../../prometheus/errors";
import { freePort, waitFor } from "../../testing/processes";
import { makeTempDir } from "../../tools/files";
import { type LiveAlertmanager, postAlerts, startAlertmanager } from "../routing/testing/live-alertmanager";
import {
  acknowledgeAlert,
  getAlert,
  getSilence,
  listAlertGroups,
  listAlerts,
  listSilences,
  unacknowledgeAlert,
} from "./client";
import { LiveAlertmanagerError } from "./errors";
import { filterAlerts, filterGroups } from "./filter";

/**
 * The live client against a real Alertmanager 0.25: alerts posted to it are listed and grouped as
 * it holds them; acknowledge creates a silence of exactly the alert, which Alertmanager then
 * reports as suppressing it (and only it); un-acknowledge expires that silence and the alert is
 * active again. Its failures come back as errors naming what failed.
 */

const dir = makeTempDir("obsforge-live-client");
let live: LiveAlertmanager;
let notAlertmanager: Server;

const ALERTS: Labels[] = [
  { alertname: "HighErrorRate", severity: "critical", service: "api" },
  { alertname: "HighErrorRate", severity: "critical", service: "web" },
  { alertname: "DiskFilling", severity: "warning", service: "db" },
];

beforeAll(async () => {
  const project = parseProject({
    name: "live client",
    receivers: [{ name: "default" }, { name: "pager" }],
    route: {
      receiver: "default",
      groupBy: ["alertname"],
      groupWait: "1h",
      routes: [{ receiver: "pager", matchers: [{ label: "severity", value: "critical" }] }],
    },
  });
  live = await startAlertmanager(project, path.join(dir, "am"));
  const posted = await postAlerts(live.base, ALERTS);
  expect(posted.status).toBe(200);
  notAlertmanager = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<html>secret page</html>");
  });
  await new Promise<void>((resolve) => notAlertmanager.listen(0, "127.0.0.1", resolve));
}, 60_000);

afterAll(async () => {
  await live?.alertmanager.stop();
  notAlertmanager?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function alertOf(labels: Labels): Promise<{ fingerprint: string }> {
  return waitFor(
    async () =>
      (await listAlerts(live.base)).find((alert) => alert.labels.service === labels.service) ?? undefined,
    15_000,
    () => "alert never listed",
  );
}

describe("the live Alertmanager client", () => {
  it("lists the posted alerts, with their receivers, and the groups the dispatcher made", async () => {
    await waitFor(
      async () => ((await listAlerts(live.base)).length === 3 ? true : undefined),
      15_000,
      () => "",
    );
    const alerts = await listAlerts(live.base);
    expect(alerts.map((alert) => alert.labels.service).sort()).toEqual(["api", "db", "web"]);
    const api = alerts.find((alert) => alert.labels.service === "api");
    expect(api?.receivers.map((r) => r.name)).toEqual(["pager"]);
    expect(
      filterAlerts(alerts, { receiver: "pager" })
        .map((a) => a.labels.service)
        .sort(),
    ).toEqual(["api", "web"]);
    expect(filterAlerts(alerts, { receiver: "default" }).map((a) => a.labels.service)).toEqual(["db"]);
    const groups = await listAlertGroups(live.base);
    const byReceiver = groups
      .map((g) => `${g.receiver.name} ${g.labels.alertname} ${g.alerts.length}`)
      .sort();
    expect(byReceiver).toEqual(["default DiskFilling 1", "pager HighErrorRate 2"]);
    expect(filterGroups(groups, { receiver: "pager" })).toHaveLength(1);
  });

  it("acknowledges an alert with a silence of exactly it, and un-acknowledges by expiring it", async () => {
    const target = await alertOf(ALERTS[0] as Labels);
    const now = new Date();
    const ack = await acknowledgeAlert(
      live.base,
      target.fingerprint,
      { author: "alice@example.com", comment: "looking into it", duration: "2h" },
      now,
    );
    const silence = await getSilence(live.base, ack.silenceId);
    expect(silence.status.state).toBe("active");
    expect(silence.createdBy).toBe("alice@example.com");
    expect(silence.comment).toBe("looking into it");
    // Alertmanager moves a start in the past to its own now; the end is the one asked for.
    expect(Date.parse(silence.endsAt)).toBe(now.getTime() + 2 * 3_600_000);
    expect(Date.parse(ack.endsAt)).toBe(now.getTime() + 2 * 3_600_000);
    expect(silence.matchers).toEqual(
      Object.entries(ALERTS[0] as Labels)
        .sort()
        .map(([name, value]) => ({ name, value, isRegex: false, isEqual: true })),
    );

    const silenced = await waitFor(
      async () => {
        const alert = await getAlert(live.base, target.fingerprint);
        return alert.status.state === "suppressed" ? alert : undefined;
      },
      15_000,
      () => "the alert never showed as suppressed",
    );
    expect(silenced.status.silencedBy).toEqual([ack.silenceId]);
    // Only that alert: its group sibling (same alertname, other service) stays active.
    const sibling = await alertOf(ALERTS[1] as Labels);
    expect((await getAlert(live.base, sibling.fingerprint)).status.state).toBe("active");
    expect(
      filterAlerts(await listAlerts(live.base), { state: "suppressed" }).map((a) => a.fingerprint),
    ).toEqual([target.fingerprint]);

    const unack = await unacknowledgeAlert(live.base, target.fingerprint);
    expect(unack.expired).toEqual([ack.silenceId]);
    expect((await getSilence(live.base, ack.silenceId)).status.state).toBe("expired");
    expect((await listSilences(live.base)).find((s) => s.id === ack.silenceId)?.status.state).toBe("expired");
    const active = await waitFor(
      async () => {
        const alert = await getAlert(live.base, target.fingerprint);
        return alert.status.state === "active" ? alert : undefined;
      },
      15_000,
      () => "the alert stayed suppressed",
    );
    expect(active.status.silencedBy).toEqual([]);
    // Nothing holds it any more: un-acknowledging again expires nothing.
    expect((await unacknowledgeAlert(live.base, target.fingerprint)).expired).toEqual([]);
  });

  it("answers an unknown alert or silence with 404, a refused silence with 422", async () => {
    await expect(getAlert(live.base, "0123456789abcdef")).rejects.toMatchObject({
      name: "LiveAlertmanagerError",
      status: 404,
    });
    await expect(getSilence(live.base, "00000000-0000-0000-0000-000000000000")).rejects.toBeInstanceOf(
      LiveAlertmanagerError,
    );
    const target = await alertOf(ALERTS[2] as Labels);
    const error = await acknowledgeAlert(
      live.base,
      target.fingerprint,
      { author: "a", comment: "c", duration: "1h" },
      // A silence that ended before it started: Alertmanager refuses it.
      new Date(Date.now() - 3 * 3_600_000),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LiveAlertmanagerError);
    expect((error as LiveAlertmanagerError).status).toBe(422);
    expect((error as Error).message).toMatch(/HTTP 400/);
  });

  it("names a closed port or a server that is not an Alertmanager, without echoing its page", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await listAlerts(closed).catch((caught: unknown) => caught);
    expect(unreachable).toBeInstanceOf(PreviewError);
    expect((unreachable as PreviewError).status).toBe(502);
    expect((unreachable as Error).message).toMatch(/connection refused/);

    const other = `http://127.0.0.1:${(notAlertmanager.address() as AddressInfo).port}`;
    const wrong = await listAlerts(other).catch((caught: unknown) => caught);
    expect(wrong).toBeInstanceOf(PreviewError);
    expect((wrong as PreviewError).status).toBe(502);
    expect((wrong as Error).message).not.toMatch(/secret page/);
  });

  it("gives up after its timeout with a 504", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const error = await listAlerts(base, { timeoutMs: 300 }).catch((caught: unknown) => caught);
    silent.closeAllConnections();
    silent.close();
    expect(error).toBeInstanceOf(PreviewError);
    expect((error as PreviewError).status).toBe(504);
  });
});
