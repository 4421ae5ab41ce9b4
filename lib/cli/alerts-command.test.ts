import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSilence, listAlerts } from "../alerting/live/client";
import {
  type LiveAlertmanager,
  postAlerts,
  startAlertmanager,
} from "../alerting/routing/testing/live-alertmanager";
import { parseProject } from "../model";
import { freePort, waitFor } from "../testing/processes";
import { makeTempDir } from "../tools/files";
import { runCli } from "./run-cli";

/**
 * `obsforge alerts list|ack|unack --alertmanager URL` as users run it, against a real Alertmanager
 * 0.25 holding posted alerts: listed with fingerprint, state and receivers; ack leaves a silence
 * by that author and the alert suppressed; unack expires it.
 */

const work = makeTempDir("obsforge-cli-alerts");
let live: LiveAlertmanager;

beforeAll(async () => {
  live = await startAlertmanager(
    parseProject({
      name: "cli alerts",
      receivers: [{ name: "default" }, { name: "pager" }],
      route: {
        receiver: "default",
        groupWait: "1h",
        routes: [{ receiver: "pager", matchers: [{ label: "severity", value: "critical" }] }],
      },
    }),
    path.join(work, "am"),
  );
  await postAlerts(live.base, [
    { alertname: "ApiDown", severity: "critical", service: "api" },
    { alertname: "SlowQueries", severity: "warning", service: "db" },
  ]);
  await waitFor(
    async () => ((await listAlerts(live.base)).length === 2 ? true : undefined),
    15_000,
    () => "",
  );
}, 60_000);

afterAll(async () => {
  await live?.alertmanager.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("obsforge alerts", () => {
  it("lists, acknowledges and un-acknowledges an alert of a real Alertmanager", async () => {
    const listed = runCli(work, "alerts", "list", "--alertmanager", live.base);
    expect(listed.status, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    const api = lines.find((line) => line.includes('service="api"')) as string;
    expect(api).toMatch(/^[0-9a-f]+ {2}active +pager {2}\{alertname="ApiDown"/);
    const fingerprint = api.split(" ")[0] as string;

    const pager = runCli(work, "alerts", "list", "--alertmanager", live.base, "--receiver", "pager");
    expect(pager.stdout.trim().split("\n")).toEqual([api]);

    const ack = runCli(
      work,
      "alerts",
      "ack",
      fingerprint,
      "--alertmanager",
      live.base,
      "--author",
      "carol",
      "--comment",
      "deploying a fix",
      "--duration",
      "45m",
    );
    expect(ack.status, ack.stderr).toBe(0);
    const silenceId = /silence (\S+) until/.exec(ack.stdout)?.[1] as string;
    const silence = await getSilence(live.base, silenceId);
    expect(silence).toMatchObject({
      createdBy: "carol",
      comment: "deploying a fix",
      status: { state: "active" },
    });

    const suppressed = runCli(work, "alerts", "list", "--alertmanager", live.base, "--state", "suppressed");
    expect(suppressed.stdout).toContain(`${fingerprint}  suppressed`);
    expect(suppressed.stdout).toContain(`silenced by ${silenceId}`);

    const unack = runCli(work, "alerts", "unack", fingerprint, "--alertmanager", live.base);
    expect(unack.status, unack.stderr).toBe(0);
    expect(unack.stdout.trim()).toBe(`un-acknowledged ${fingerprint}: expired silence ${silenceId}`);
    expect((await getSilence(live.base, silenceId)).status.state).toBe("expired");
  });

  it("refuses bad input and says what failed, in one line", async () => {
    const state = runCli(work, "alerts", "list", "--alertmanager", live.base, "--state", "firing");
    expect(state.status).toBe(1);
    expect(state.stderr).toMatch(/--state "firing": one of active, suppressed, unprocessed/);
    const duration = runCli(
      work,
      "alerts",
      "ack",
      "abc",
      "--alertmanager",
      live.base,
      "--comment",
      "x",
      "--duration",
      "forever",
    );
    expect(duration.status).toBe(1);
    expect(duration.stderr).toMatch(/--duration: bad duration "forever"/);
    const unknown = runCli(work, "alerts", "unack", "0123456789abcdef", "--alertmanager", live.base);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/holds no alert with fingerprint 0123456789abcdef/);
    const closed = runCli(work, "alerts", "list", "--alertmanager", `http://127.0.0.1:${await freePort()}`);
    expect(closed.status).toBe(1);
    expect(closed.stderr).toMatch(/connection refused/);
    expect(closed.stderr).not.toMatch(/at .*\.ts/);
    const notUrl = runCli(work, "alerts", "list", "--alertmanager", "localhost:9093");
    expect(notUrl.status).toBe(1);
    expect(notUrl.stderr).toMatch(/--alertmanager/);
  });
});
