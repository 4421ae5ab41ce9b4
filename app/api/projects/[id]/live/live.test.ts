import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type LiveAlertmanager,
  postAlerts,
  startAlertmanager,
} from "@/lib/alerting/routing/testing/live-alertmanager";
import { parseProject } from "@/lib/model";
import { waitFor } from "@/lib/testing/processes";
import { callRoute, freshDataDir, postJson, type RouteHandler } from "@/lib/testing/route-calls";
import { makeTempDir } from "@/lib/tools/files";

/**
 * The live API as the page calls it, on a project whose settings name a real Alertmanager 0.25:
 * list (filtered), get one, acknowledge (a silence with author, comment, duration), resolve
 * (expire it); bad input answers 422 with the field, a project without an Alertmanager 404.
 */

const dataDir = freshDataDir("obsforge-live-api");
const amDir = makeTempDir("obsforge-live-api-am");
let live: LiveAlertmanager;
let routes: {
  projects: typeof import("@/app/api/projects/route");
  project: typeof import("@/app/api/projects/[id]/route");
  alerts: typeof import("./alerts/route");
  alert: typeof import("./alerts/[fingerprint]/route");
  ack: typeof import("./alerts/[fingerprint]/acknowledge/route");
  resolve: typeof import("./alerts/[fingerprint]/resolve/route");
  groups: typeof import("./groups/route");
  silences: typeof import("./silences/route");
  silence: typeof import("./silences/[silenceId]/route");
  rules: typeof import("./rules/route");
};
let id = "";
let bare = "";

beforeAll(async () => {
  live = await startAlertmanager(
    parseProject({
      name: "am",
      receivers: [{ name: "default" }, { name: "pager" }],
      route: {
        receiver: "default",
        groupWait: "1h",
        routes: [{ receiver: "pager", matchers: [{ label: "severity", value: "critical" }] }],
      },
    }),
    path.join(amDir, "am"),
  );
  expect(
    (
      await postAlerts(live.base, [
        { alertname: "ApiDown", severity: "critical", service: "api" },
        { alertname: "SlowQueries", severity: "warning", service: "db" },
      ])
    ).status,
  ).toBe(200);
  routes = {
    projects: await import("@/app/api/projects/route"),
    project: await import("@/app/api/projects/[id]/route"),
    alerts: await import("./alerts/route"),
    alert: await import("./alerts/[fingerprint]/route"),
    ack: await import("./alerts/[fingerprint]/acknowledge/route"),
    resolve: await import("./alerts/[fingerprint]/resolve/route"),
    groups: await import("./groups/route"),
    silences: await import("./silences/route"),
    silence: await import("./silences/[silenceId]/route"),
    rules: await import("./rules/route"),
  };
  const created = (await (
    await postJson(routes.projects.POST as RouteHandler, {}, "/api/projects", {
      template: "basic",
      name: "live",
    })
  ).json()) as { id: string; version: number; project: Record<string, unknown> };
  const saved = await postJson(
    routes.project.PUT as RouteHandler,
    { id: created.id },
    `/api/projects/${created.id}`,
    { version: created.version, project: { ...created.project, alertmanagerUrl: `${live.base}/` } },
    "PUT",
  );
  expect(saved.status, await saved.text()).toBe(200);
  id = created.id;
  bare = (
    (await (
      await postJson(routes.projects.POST as RouteHandler, {}, "/api/projects", {
        template: "basic",
        name: "bare",
      })
    ).json()) as { id: string }
  ).id;
}, 120_000);

afterAll(async () => {
  await live?.alertmanager.stop();
  rmSync(amDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

interface AlertJson {
  fingerprint: string;
  labels: Record<string, string>;
  status: { state: string; silencedBy: string[] };
}

async function alerts(query = ""): Promise<AlertJson[]> {
  const response = await callRoute(
    routes.alerts.GET as RouteHandler,
    { id },
    `/api/projects/${id}/live/alerts${query}`,
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { alerts: AlertJson[] }).alerts;
}

describe("the live alerts API", () => {
  it("lists the Alertmanager's alerts, filtered by receiver and state, and its groups", async () => {
    await waitFor(
      async () => ((await alerts()).length === 2 ? true : undefined),
      15_000,
      () => "",
    );
    expect((await alerts("?receiver=pager")).map((a) => a.labels.alertname)).toEqual(["ApiDown"]);
    expect((await alerts("?state=suppressed")).length).toBe(0);
    const groups = await callRoute(
      routes.groups.GET as RouteHandler,
      { id },
      `/api/projects/${id}/live/groups?receiver=default`,
    );
    const body = (await groups.json()) as { groups: { receiver: { name: string } }[] };
    expect(body.groups.map((g) => g.receiver.name)).toEqual(["default"]);
    const bad = await callRoute(
      routes.alerts.GET as RouteHandler,
      { id },
      `/api/projects/${id}/live/alerts?state=firing`,
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe("state");
  });

  it("acknowledges an alert, shows it suppressed, and resolves it", async () => {
    const target = (await alerts("?receiver=pager"))[0] as AlertJson;
    const url = `/api/projects/${id}/live/alerts/${target.fingerprint}`;
    const refused = await postJson(
      routes.ack.POST as RouteHandler,
      { id, fingerprint: target.fingerprint },
      `${url}/acknowledge`,
      {
        author: "",
        comment: "x",
        duration: "soon",
      },
    );
    expect(refused.status).toBe(422);
    const paths = ((await refused.json()) as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
    expect(paths).toEqual(["author", "duration"]);

    const ack = await postJson(
      routes.ack.POST as RouteHandler,
      { id, fingerprint: target.fingerprint },
      `${url}/acknowledge`,
      {
        author: "bob",
        comment: "on it",
        duration: "30m",
      },
    );
    expect(ack.status).toBe(201);
    const { silenceId } = (await ack.json()) as { silenceId: string };
    const one = await waitFor(
      async () => {
        const answer = (await (
          await callRoute(routes.alert.GET as RouteHandler, { id, fingerprint: target.fingerprint }, url)
        ).json()) as AlertJson;
        return answer.status.state === "suppressed" ? answer : undefined;
      },
      15_000,
      () => "never suppressed",
    );
    expect(one.status.silencedBy).toEqual([silenceId]);
    const silences = (await (
      await callRoute(routes.silences.GET as RouteHandler, { id }, `/api/projects/${id}/live/silences`)
    ).json()) as { silences: { id: string; createdBy: string; status: { state: string } }[] };
    expect(silences.silences.find((s) => s.id === silenceId)).toMatchObject({
      createdBy: "bob",
      status: { state: "active" },
    });

    const resolved = await callRoute(
      routes.resolve.POST as RouteHandler,
      { id, fingerprint: target.fingerprint },
      `${url}/resolve`,
      {
        method: "POST",
      },
    );
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toEqual({ expired: [silenceId] });
    const after = (await (
      await callRoute(routes.silences.GET as RouteHandler, { id }, `/api/projects/${id}/live/silences`)
    ).json()) as { silences: { id: string; status: { state: string } }[] };
    expect(after.silences.find((s) => s.id === silenceId)?.status.state).toBe("expired");
  });

  it("answers 404 for an unknown alert or silence and for a project without an Alertmanager", async () => {
    const missing = await callRoute(
      routes.alert.GET as RouteHandler,
      { id, fingerprint: "abcdef0123456789" },
      "/x",
    );
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(
      /no alert with fingerprint abcdef0123456789/,
    );
    const noSilence = await callRoute(
      routes.silence.DELETE as RouteHandler,
      { id, silenceId: "00000000-0000-0000-0000-000000000000" },
      "/x",
      { method: "DELETE" },
    );
    expect(noSilence.status).toBe(404);
    const none = await callRoute(
      routes.alerts.GET as RouteHandler,
      { id: bare },
      `/api/projects/${bare}/live/alerts`,
    );
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: string }).error).toMatch(/names no Alertmanager/);
  });

  it("lists the project's alerting rules, with why the Prometheus's view is missing", async () => {
    const response = await callRoute(
      routes.rules.GET as RouteHandler,
      { id },
      `/api/projects/${id}/live/rules`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      rules: { alert: string; source: string }[];
      prometheusError?: string;
    };
    expect(body.rules.length).toBeGreaterThan(0);
    expect(body.rules.every((rule) => rule.source === "project")).toBe(true);
    expect(body.prometheusError).toBeTruthy();
  });
});
