/**
 * The production server (`npm run start`, `npm run app`, the browser tests, the benches): Next.js's
 * documented custom server (`next({ dev: false })` over node:http), which answers the live preview's
 * Prometheus calls itself and hands every other request to Next.js.
 *
 * Why: a dashboard sends one preview call per query, hundreds at once, and each waits for its
 * Prometheus answer plus the app's own work. Through Next.js that work was ~4–5 ms per call (its
 * router, its request and response objects, the headers of next.config.mjs, its compression): more
 * than the query itself on a local Prometheus. Here a preview call goes straight to the route's own
 * handlers (lib/preview/fast-path.ts: the same functions, so the same session check, authorization,
 * parameters and errors) and its answer is written as is. Answers are compressed only when large
 * (COMPRESS_ABOVE): a small answer costs more to compress than it saves.
 *
 * Usage: node scripts/serve.mjs [--port 3000] [--hostname 127.0.0.1] (also PORT and HOST).
 */

import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { gzip } from "node:zlib";

process.env.NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  strict: true,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOST ?? "127.0.0.1";
const root = path.resolve(import.meta.dirname, "..");

// The Prometheus calls of the preview/[...endpoint] route (lib/preview/allowlist.ts); its sibling
// routes (preview/lint, preview/annotations, preview/test-connection) and anything else go to Next.js.
const PREVIEW_PATH =
  /^\/api\/projects\/([^/?]+)\/preview\/(query|query_range|series|labels|label\/[^/?]+\/values|metadata|alerts|rules)$/;
const HANDLERS = Symbol.for("obsforge.preview-handlers");
/** Bytes above which an answer is gzipped for a client that accepts it. */
const COMPRESS_ABOVE = 64 * 1024;

const { default: next } = await import("next");
const { securityHeaders } = await import(path.join(root, "next.config.mjs"));
const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** The route's path parameters as Next.js gives them (decoded segments), or undefined for another path. */
function previewParams(url) {
  const match = PREVIEW_PATH.exec(url.split("?")[0] ?? "");
  if (!match) return undefined;
  try {
    return { id: decodeURIComponent(match[1]), endpoint: match[2].split("/").map(decodeURIComponent) };
  } catch {
    return undefined; // malformed escapes: Next.js answers them
  }
}

async function servePreview(handler, params, req, res) {
  const abort = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const hasBody = req.method === "POST";
  // A Host header that makes no URL is the client's mistake: 400, not a 500.
  const url = URL.parse(`http://${req.headers.host ?? `${hostname}:${port}`}${req.url}`);
  if (!url) {
    res.writeHead(400, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "bad request: the Host header is not a host name", issues: [] }));
    return;
  }
  const request = new Request(url, {
    method: req.method,
    headers,
    signal: abort.signal,
    ...(hasBody ? { body: Readable.toWeb(req), duplex: "half" } : {}),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  let body = Buffer.from(await response.arrayBuffer());
  const out = {};
  for (const { key, value } of securityHeaders) out[key.toLowerCase()] = value;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out["set-cookie"] = cookies;
  if (body.length > COMPRESS_ABOVE && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    body = await new Promise((resolve, reject) => {
      gzip(body, { level: 1 }, (error, zipped) => (error ? reject(error) : resolve(zipped)));
    });
    out["content-encoding"] = "gzip";
    out.vary = "Accept-Encoding";
  }
  out["content-length"] = String(body.length);
  res.writeHead(response.status, out);
  res.end(body);
}

const server = http.createServer((req, res) => {
  const handlers = globalThis[HANDLERS];
  const params =
    handlers && (req.method === "GET" || req.method === "POST") ? previewParams(req.url ?? "") : undefined;
  if (!params) {
    handle(req, res);
    return;
  }
  servePreview(handlers[req.method], params, req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "internal error", issues: [] }));
  });
});
// As `next start`: keep idle connections a little longer than the usual proxies do.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`▲ Obsforge on http://${hostname}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    app.close().finally(() => process.exit(0));
  });
}
