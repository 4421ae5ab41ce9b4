import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { findApiRoutes, matchApiRoute } from "./api-routes";

/**
 * One app process for the fault tests: the app's real route handlers (app/api), served over HTTP
 * on 127.0.0.1:$PORT, with the database the environment names (DATABASE_URL or
 * OBSFORGE_DATA_DIR). It stands in for `next start` where a production build would take minutes
 * on the test machine; everything below the handler (services, database, pool) is the app's own.
 * Run through app-process.ts: `node --conditions=react-server --import tsx api-server.ts`.
 */

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

const root = path.resolve(import.meta.dirname, "../../..");
const routes = findApiRoutes(path.join(root, "app/api"));
const port = Number(process.env.PORT);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function serve(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? `127.0.0.1:${port}`}`);
  const found = matchApiRoute(routes, url.pathname);
  const method = incoming.method ?? "GET";
  const module = found
    ? ((await import(pathToFileURL(found.route.file).href)) as Record<string, unknown>)
    : {};
  const run = module[method] as Handler | undefined;
  if (!found || !run) {
    outgoing.writeHead(found ? 405 : 404, { "content-type": "application/json" });
    outgoing.end(JSON.stringify({ error: `${method} ${url.pathname}: no such route`, issues: [] }));
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const one of value) headers.append(name, one);
  }
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(incoming);
  const request = new Request(url, { method, headers, body: body ? new Uint8Array(body) : undefined });
  const response = await run(request, { params: Promise.resolve(found.params) });
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

createServer((incoming, outgoing) => {
  serve(incoming, outgoing).catch((error: unknown) => {
    // A handler that throws past its own error mapping is what Next.js answers 500 for.
    console.error(error);
    if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "application/json" });
    outgoing.end(JSON.stringify({ error: "unhandled error in the route", issues: [] }));
  });
}).listen(port, "127.0.0.1", () => console.log(`api-server listening on ${port}`));
