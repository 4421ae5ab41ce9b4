import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Browsers ask for /favicon.ico whatever the page's <link rel="icon"> says; answering it with the
 * app's own icon (app/icon.svg) keeps that request from being a 404 in every page's console.
 */
export async function GET(): Promise<Response> {
  const svg = await readFile(path.join(process.cwd(), "app", "icon.svg"));
  return new Response(svg, {
    headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" },
  });
}
