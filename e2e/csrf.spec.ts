import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, uniqueName } from "./fixtures";

/**
 * Cross-site request forgery, tried as an attacker would: a page on another origin (a second
 * loopback port, served by this test) auto-submits forms at the app while the browser holds the
 * signed-in session. Another port of 127.0.0.1 is the *same site*, so SameSite=Lax cookies go
 * along: only the app's Origin check (lib/security/csrf.ts) stands between the page and the write.
 * Each write is answered 403 "cross-site request refused" (a 403, not a 401: the cookie was sent,
 * the request was signed in) and nothing changes.
 */

interface Attack {
  path: string;
  /** The form's fields; a text/plain form's one field makes a JSON body (`name=value`). */
  fields: Record<string, string>;
  enctype?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An attacker's page: a form posting to `action` that submits itself once loaded. */
function attackPage(action: string, attack: Attack): string {
  const inputs = Object.entries(attack.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  return `<!doctype html><title>Win a prize</title>
<form id="f" method="post" action="${escapeHtml(action)}" enctype="${attack.enctype ?? "application/x-www-form-urlencoded"}">${inputs}</form>
<script>document.getElementById("f").submit();</script>`;
}

let attacker: Server;
let attackerOrigin = "";
const attacks = new Map<string, { action: string; attack: Attack }>();

test.beforeAll(async () => {
  attacker = createServer((request, response) => {
    const planned = attacks.get(request.url ?? "");
    if (!planned) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(attackPage(planned.action, planned.attack));
  });
  attacker.listen(0, "127.0.0.1");
  await once(attacker, "listening");
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  attacker.close();
  await once(attacker, "close");
});

test("forms submitted from a page on another origin are refused and change nothing", async ({
  page,
  request,
  baseURL,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 403/);
  const appOrigin = new URL(baseURL ?? "").origin;
  expect(new URL(attackerOrigin).host).not.toBe(new URL(appOrigin).host);

  const created = await request.post("/api/projects", {
    data: { template: "basic", name: uniqueName("CSRF target") },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const { id } = (await created.json()) as { id: string };
  const revisionCount = async (): Promise<number> =>
    ((await (await request.get(`/api/projects/${id}/revisions`)).json()) as unknown[]).length;
  const projectCount = async (): Promise<number> =>
    ((await (await request.get("/api/projects")).json()) as unknown[]).length;
  // A preview call from the app's own client first: the app's server (scripts/serve.mjs) then
  // answers preview calls through its fast path, which must refuse the cross-site one too. Its
  // answer (there is no Prometheus here) does not matter.
  await request.get(`/api/projects/${id}/preview/labels`);
  const revisionsBefore = await revisionCount();
  const projectsBefore = await projectCount();

  const planned: Attack[] = [
    // An empty POST restores a revision as a new version.
    { path: `/api/projects/${id}/revisions/1/restore`, fields: {} },
    // A text/plain form whose body is JSON: `{"template":"basic","name":"pwned","x":"="}`.
    {
      path: "/api/projects",
      fields: { '{"template":"basic","name":"pwned","x":"': '"}' },
      enctype: "text/plain",
    },
    // The preview takes form bodies as Prometheus does.
    { path: `/api/projects/${id}/preview/query`, fields: { query: "up" } },
  ];
  for (const [index, attack] of planned.entries()) {
    const key = `/attack-${index}`;
    const action = `${appOrigin}${attack.path}`;
    attacks.set(key, { action, attack });
    const answered = page.waitForResponse(
      (response) => response.url() === action && response.request().method() === "POST",
    );
    await page.goto(`${attackerOrigin}${key}`);
    const response = await answered;
    expect(response.status(), attack.path).toBe(403);
    expect((await response.request().allHeaders()).origin, attack.path).toBe(attackerOrigin);
    const body = (await response.json()) as { error: string };
    expect(body.error, attack.path).toMatch(/^cross-site request refused: /);
    expect(body.error).toContain(attackerOrigin);
  }

  expect(await revisionCount()).toBe(revisionsBefore);
  expect(await projectCount()).toBe(projectsBefore);

  // The same restore from the app's own origin (no Origin header from the API client) goes through:
  // the refusal above was the Origin check, not a broken route.
  const restored = await request.post(`/api/projects/${id}/revisions/1/restore`);
  expect(restored.status(), await restored.text()).toBe(200);
  expect(await revisionCount()).toBe(revisionsBefore + 1);
});
