import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type HttpSink,
  type SmtpSink,
  startHttpSink,
  startSmtpSink,
} from "@/lib/alerting/notify/testing/sinks";
import {
  callRoute,
  createBasicProject,
  freshDataDir,
  postJson,
  type RouteHandler,
} from "@/lib/testing/route-calls";

/**
 * A receiver's notifications through the API: the rendered preview, test sends to loopback sinks
 * (webhook with a bearer token, Slack, e-mail over SMTP), a failing sink's retries and final error
 * in the delivery log, a refused address, and no secret in any answer or log line.
 */

const dataDir = freshDataDir("obsforge-receivers-api");
let http: HttpSink;
let smtp: SmtpSink;
let id = "";
const TOKEN = "tok-5f0c1e-secret";
const SLACK_PATH = "/services/T000/B000/slack-secret-path";
const answers: string[] = [];
let routes: {
  projects: typeof import("@/app/api/projects/route");
  project: typeof import("@/app/api/projects/[id]/route");
  secret: typeof import("@/app/api/projects/[id]/secrets/[name]/route");
  preview: typeof import("./[name]/preview/route");
  test: typeof import("./[name]/test/route");
  deliveries: typeof import("./[name]/deliveries/route");
};

async function call(
  handler: unknown,
  name: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const params = { id, name };
  const response =
    body === undefined
      ? await callRoute(handler as RouteHandler, params, url)
      : await postJson(handler as RouteHandler, params, url, body);
  const text = await response.text();
  answers.push(text);
  return { status: response.status, body: JSON.parse(text) };
}

beforeAll(async () => {
  http = await startHttpSink();
  smtp = await startSmtpSink();
  http.failWith.set("/fail", 503);
  http.failWith.set("/echo", 500);
  http.echoHeaders.add("/echo");
  routes = {
    projects: await import("@/app/api/projects/route"),
    project: await import("@/app/api/projects/[id]/route"),
    secret: await import("@/app/api/projects/[id]/secrets/[name]/route"),
    preview: await import("./[name]/preview/route"),
    test: await import("./[name]/test/route"),
    deliveries: await import("./[name]/deliveries/route"),
  };
  const created = await createBasicProject(routes, "notifications");
  id = created.id;
  const hook = (url: string) => ({
    type: "webhook",
    url,
    authorization: { scheme: "Bearer", credentials: { secret: "HOOK_TOKEN" } },
  });
  const receivers = [
    ...created.project.receivers,
    { name: "hook", integrations: [hook(`${http.base}/ok`)] },
    { name: "failing", integrations: [hook(`${http.base}/fail`)] },
    { name: "echo", integrations: [hook(`${http.base}/echo`)] },
    { name: "metadata", integrations: [{ type: "webhook", url: "http://169.254.169.254/latest" }] },
    {
      name: "chat",
      integrations: [{ type: "slack", channel: "#alerts", apiUrl: { secret: "CHAT_SLACK_URL" } }],
    },
    {
      name: "mail",
      integrations: [
        { type: "email", to: "oncall@example.com", smarthost: `127.0.0.1:${smtp.port}`, requireTls: false },
      ],
    },
  ];
  const saved = await postJson(
    routes.project.PUT as RouteHandler,
    { id },
    `/api/projects/${id}`,
    { version: created.version, project: { ...created.project, receivers } },
    "PUT",
  );
  expect(saved.status, await saved.clone().text()).toBe(200);
  for (const [name, value] of [
    ["HOOK_TOKEN", TOKEN],
    ["CHAT_SLACK_URL", `${http.base}${SLACK_PATH}`],
  ]) {
    const put = await postJson(
      routes.secret.PUT as RouteHandler,
      { id, name },
      `/api/projects/${id}/secrets/${name}`,
      { value },
      "PUT",
    );
    expect(put.status).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  await http?.close();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const url = (name: string, what: string): string => `/api/projects/${id}/receivers/${name}/${what}`;

describe("receiver notifications API", () => {
  it("previews the Slack message for a sample alert of the project's rules, firing and resolved", async () => {
    const firing = await call(routes.preview.POST, "chat", url("chat", "preview"), { status: "firing" });
    expect(firing.status).toBe(200);
    expect(firing.body.samples.length).toBeGreaterThan(0);
    const [message] = firing.body.messages;
    expect(message).toMatchObject({ kind: "slack", label: "slack #alerts", sends: true, errors: [] });
    expect(message.payload.channel).toBe("#alerts");
    expect(message.payload.attachments[0].title).toContain(firing.body.samples[0].rule);
    const resolved = await call(routes.preview.POST, "chat", url("chat", "preview"), {
      status: "resolved",
      count: 3,
    });
    expect(resolved.body.messages[0].payload.attachments[0]).toMatchObject({ color: "good" });
    expect(resolved.body.messages[0].payload.attachments[0].title).toMatch(/^:white_check_mark: RESOLVED/);
  });

  it("sends a test webhook with its bearer token and logs the delivery", async () => {
    const sent = await call(routes.test.POST, "hook", url("hook", "test"), {});
    expect(sent.status).toBe(200);
    expect(sent.body.deliveries).toEqual([
      expect.objectContaining({ attempt: 1, outcome: "delivered", httpStatus: 200, excerpt: "200: ok" }),
    ]);
    const request = http.requests.find((r) => r.path === "/ok");
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const posted = JSON.parse(request?.body ?? "{}");
    expect(posted).toMatchObject({ version: "4", receiver: "hook", status: "firing", truncatedAlerts: 0 });
    const log = await call(routes.deliveries.GET, "hook", url("hook", "deliveries"));
    expect(log.body.deliveries.map((d: { sendId: string }) => d.sendId)).toEqual([sent.body.sendId]);
  });

  it("sends the Slack message the preview shows", async () => {
    const sent = await call(routes.test.POST, "chat", url("chat", "test"), { status: "firing" });
    expect(sent.body.deliveries[0]).toMatchObject({ outcome: "delivered" });
    const preview = await call(routes.preview.POST, "chat", url("chat", "preview"), { status: "firing" });
    const request = http.requests.find((r) => r.path === SLACK_PATH);
    expect(JSON.parse(request?.body ?? "{}")).toEqual(preview.body.messages[0].payload);
  });

  it("sends a test e-mail over SMTP", async () => {
    const sent = await call(routes.test.POST, "mail", url("mail", "test"), {});
    expect(sent.body.deliveries[0]).toMatchObject({ outcome: "delivered", attempt: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.to).toEqual(["oncall@example.com"]);
    expect(smtp.messages[0]?.subject).toMatch(/^\[FIRING:1\]/);
    expect(smtp.messages[0]?.html).toContain("<!DOCTYPE html>");
  });

  it("retries a failing sink with backoff and keeps every attempt and the final error", async () => {
    const sent = await call(routes.test.POST, "failing", url("failing", "test"), {});
    expect(
      sent.body.deliveries.map((d: { attempt: number; outcome: string; httpStatus: number }) => [
        d.attempt,
        d.outcome,
        d.httpStatus,
      ]),
    ).toEqual([
      [1, "failed", 503],
      [2, "failed", 503],
      [3, "failed", 503],
    ]);
    expect(http.requests.filter((r) => r.path === "/fail")).toHaveLength(3);
    const log = await call(routes.deliveries.GET, "failing", url("failing", "deliveries"));
    expect(log.body.deliveries.map((d: { attempt: number }) => d.attempt)).toEqual([3, 2, 1]);
    expect(log.body.deliveries[0].excerpt).toBe("503: sink failure 503");
  });

  it("masks a secret that a server echoes back", async () => {
    const sent = await call(routes.test.POST, "echo", url("echo", "test"), {});
    expect(sent.body.deliveries[0].excerpt).toContain("Bearer ••••");
  });

  it("refuses an address the outgoing-call policy forbids, without retrying", async () => {
    const sent = await call(routes.test.POST, "metadata", url("metadata", "test"), {});
    expect(sent.body.deliveries).toEqual([expect.objectContaining({ attempt: 1, outcome: "refused" })]);
    expect(sent.body.deliveries[0].excerpt).toMatch(/not allowed/);
  });

  it("answers 404 for an unknown receiver and 400 naming the field for a bad body", async () => {
    expect((await call(routes.test.POST, "nobody", url("nobody", "test"), {})).status).toBe(404);
    // A receiver only drafted in the editor previews as "not saved", not as an error.
    const draft = await call(routes.preview.POST, "nobody", url("nobody", "preview"), {});
    expect(draft).toMatchObject({ status: 200, body: { saved: false, messages: [] } });
    const bad = await call(routes.preview.POST, "chat", url("chat", "preview"), { count: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("count");
  });

  it("renders the editor's unsaved draft, and viewing writes nothing", async () => {
    const before = await call(routes.project.GET, "", `/api/projects/${id}`);
    const draft = {
      receivers: before.body.project.receivers.map((r: { name: string }) =>
        r.name === "chat"
          ? {
              name: "chat",
              integrations: [
                {
                  type: "slack",
                  channel: "#draft-channel",
                  apiUrl: { secret: "CHAT_SLACK_URL" },
                  extra: { title: "DRAFT {{ .CommonLabels.alertname }}" },
                },
              ],
            }
          : r,
      ),
      route: {
        receiver: before.body.project.route.receiver,
        groupBy: ["alertname"],
        routes: [
          { receiver: "chat", matchers: [{ label: "alertname", op: "=~", value: ".+" }], groupBy: ["..."] },
        ],
      },
      inhibitRules: [],
      alertmanager: before.body.project.alertmanager,
    };
    const shown = await call(routes.preview.POST, "chat", url("chat", "preview"), { draft });
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body).toMatchObject({ source: "draft", saved: true });
    const [message] = shown.body.messages;
    expect(message.payload.channel).toBe("#draft-channel");
    expect(message.payload.attachments[0].title).toBe(`DRAFT ${shown.body.samples[0].rule}`);
    // The draft's child route takes the sample: grouped by all its labels, under the child's key.
    expect(shown.body.route).toMatchObject({ modelPath: "route.routes[0]", routed: true });
    expect(shown.body.route.groupKey).toMatch(/^\{\}\/\{alertname=~"\.\+"\}:\{.*alertname=/);
    const after = await call(routes.project.GET, "", `/api/projects/${id}`);
    expect(after.body.version).toBe(before.body.version);
    // The saved configuration still renders as saved.
    const savedView = await call(routes.preview.POST, "chat", url("chat", "preview"), {});
    expect(savedView.body).toMatchObject({ source: "saved" });
    expect(savedView.body.messages[0].payload.channel).toBe("#alerts");

    // A test send sends the draft too, with the secret read on the server.
    const sent = await call(routes.test.POST, "chat", url("chat", "test"), { draft });
    expect(sent.body.deliveries[0]).toMatchObject({ outcome: "delivered" });
    const posted = http.requests.filter((r) => r.path === SLACK_PATH).at(-1);
    expect(JSON.parse(posted?.body ?? "{}").channel).toBe("#draft-channel");

    // A receiver only in the draft renders and sends.
    const added = { ...draft, receivers: [...draft.receivers, { name: "fresh", integrations: [] }] };
    const fresh = await call(routes.preview.POST, "fresh", url("fresh", "preview"), { draft: added });
    expect(fresh.body).toMatchObject({ saved: false, source: "draft", messages: [] });
  });

  it("refuses a draft the model refuses, naming the field", async () => {
    const bad = await call(routes.preview.POST, "chat", url("chat", "preview"), {
      draft: {
        receivers: [
          { name: "chat", integrations: [{ type: "slack", channel: "no spaces", apiUrl: { secret: "X" } }] },
        ],
        route: { receiver: "chat" },
        inhibitRules: [],
        alertmanager: {},
      },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("draft.receivers[0].integrations[0].channel");
  });

  it("never answers a secret's value", () => {
    const all = answers.join("\n");
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SLACK_PATH);
  });
});
