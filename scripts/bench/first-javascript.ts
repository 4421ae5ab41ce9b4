import { gzipSync } from "node:zlib";
import type { Response } from "@playwright/test";
import { type BenchBrowser, gotoSignedIn } from "./bench-session";
import { collectErrors, throwOnErrors } from "./browser-errors";
import { panelsDrawnAt, watchPanelsDrawn } from "./panels-drawn";

export interface ScriptGroup {
  group: string;
  files: number;
  bytes: number;
  gzipBytes: number;
  largestGzipBytes: number;
}

interface Script {
  url: string;
  phase: Phase;
  bytes: number;
  gzipBytes: number;
}

type Phase = "html" | "drawing" | "editor";

function group(name: string, scripts: readonly Script[]): ScriptGroup {
  return {
    group: name,
    files: scripts.length,
    bytes: scripts.reduce((sum, script) => sum + script.bytes, 0),
    gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
    largestGzipBytes: Math.max(0, ...scripts.map((script) => script.gzipBytes)),
  };
}

/** The scripts the server-rendered HTML names: what runs before anything is loaded lazily. */
function scriptsInHtml(html: string, base: string): Set<string> {
  const sources = [...html.matchAll(/<script\b[^>]*?\ssrc="([^"]+)"/g)].map((match) => match[1] ?? "");
  return new Set(sources.map((source) => new URL(source.replaceAll("&amp;", "&"), base).href));
}

/**
 * The JavaScript the dashboard page loads, in a fresh browser context, measured from the responses
 * themselves and gzipped here (level 6, as `next start` compresses): the scripts its HTML names
 * (the first JavaScript), those loaded lazily until every panel is drawn (the designer's on-demand
 * parts), and those opening a panel's editor loads (Monaco).
 */
export async function dashboardJavaScript(
  browser: BenchBrowser,
  url: string,
  panels: number,
): Promise<ScriptGroup[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    let phase: Phase = "drawing";
    const seen = new Map<string, Promise<Script | undefined>>();
    const record = async (response: Response, at: Phase): Promise<Script | undefined> => {
      const body = await response.body().catch(() => undefined);
      if (!body) return undefined;
      return {
        url: response.url(),
        phase: at,
        bytes: body.length,
        gzipBytes: gzipSync(body, { level: 6 }).length,
      };
    };
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script" || seen.has(response.url())) return;
      seen.set(response.url(), record(response, phase));
    });
    await watchPanelsDrawn(page, panels);
    const navigation = await gotoSignedIn(page, url);
    const inHtml = scriptsInHtml(await navigation.text(), navigation.url());
    await panelsDrawnAt(page);

    phase = "editor";
    const panel = page.getByTestId("dashboard-panel").first();
    await panel.hover();
    await panel.getByTestId("panel-edit").click();
    await page.locator('[data-editor="monaco"]').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    throwOnErrors(errors, `${url} reported errors`);

    const scripts = (await Promise.all(seen.values())).filter(
      (script): script is Script => script !== undefined,
    );
    const html = scripts.filter((script) => inHtml.has(script.url));
    const rest = scripts.filter((script) => !inHtml.has(script.url));
    if (html.length === 0)
      throw new Error(`${url}: found none of the page's own scripts among its responses`);
    return [
      group("first JavaScript (named by the page's HTML)", html),
      group(
        "loaded lazily while the panels draw",
        rest.filter((script) => script.phase === "drawing"),
      ),
      group(
        "loaded lazily by opening a panel editor (Monaco)",
        rest.filter((script) => script.phase === "editor"),
      ),
    ];
  } finally {
    await context.close();
  }
}
