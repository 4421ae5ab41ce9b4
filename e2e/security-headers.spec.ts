import { monacoEditor, replaceText } from "./code-editor-helpers";
import { expect, test, uniqueName } from "./fixtures";

/**
 * The security headers of next.config.mjs on the production build: every page and API answer
 * carries them, and the Content Security Policy they set still lets Monaco and its workers run,
 * without a single violation (the fixtures fail a test on any console error too).
 */

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

test("pages and API answers carry the security headers", async ({ request }) => {
  for (const url of ["/", "/api/health", "/api/projects", "/dev/code-editor"]) {
    const response = await request.get(url);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, url).toContain("default-src 'self'");
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).toContain("worker-src 'self' blob:");
    expect(csp, url).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["referrer-policy"], url).toBe("same-origin");
  }
});

test("Monaco and its workers run under the Content Security Policy, with no violation", async ({
  page,
  consoleGuard,
}) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations?.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));

  await page.goto("/dev/code-editor");
  await expect(page.getByRole("heading", { name: "Code editors" })).toBeVisible();
  const editor = await monacoEditor(page, "json-editor");
  await monacoEditor(page, "promql-editor");

  // A syntax error is found by Monaco's JSON worker: its squiggle shows the worker ran.
  await replaceText(page, editor, '{ "title": "CSP", "gridPos": }');
  await expect(page.getByTestId("json-value")).toContainText('"gridPos": }');
  await expect(editor.locator(".squiggly-error").first()).toBeVisible();
  expect(workers.length, "Monaco's workers started").toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);

  // A script from elsewhere (what injected markup would load) is refused by the policy, before
  // any request (the .invalid name could not resolve anyway).
  consoleGuard.allow(
    /'https:\/\/cdn\.example\.invalid\/evil\.js' violates the following Content Security Policy/,
  );
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.src = "https://cdn.example.invalid/evil.js";
    document.head.append(script);
  });
  await expect
    .poll(() => page.evaluate(() => window.__cspViolations ?? []))
    .toEqual([expect.stringMatching(/^script-src/)]);
});

test("markup typed into a project's name shows as text, on the list and the overview", async ({
  page,
  request,
}) => {
  const name = `<img src=x onerror="window.__injected=1">${uniqueName("Markup")}`;
  const created = await request.post("/api/projects", { data: { template: "basic", name } });
  expect(created.ok(), await created.text()).toBe(true);
  const { id } = (await created.json()) as { id: string };
  for (const url of ["/", `/projects/${id}`]) {
    await page.goto(url);
    await expect(page.getByText(name).first()).toBeVisible();
    expect(await page.locator('img[src="x"]').count(), url).toBe(0);
    expect(await page.evaluate(() => (window as { __injected?: number }).__injected), url).toBeUndefined();
  }
});
