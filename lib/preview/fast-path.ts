import "server-only";

/**
 * The live preview's handlers, handed to the app's own HTTP server (scripts/serve.mjs), which calls
 * them for POST|GET /api/projects/{id}/preview/{endpoint…} before Next.js's router: the same
 * functions, so the same authorization, parsing and errors; only Next's own per-request work (its
 * routing, headers and compression), which cost more than Prometheus's answer, is skipped. The
 * route module registers them when Next first loads it; until then Next serves these requests.
 */

type PreviewHandler = (
  request: Request,
  context: { params: Promise<{ id: string; endpoint: string[] }> },
) => Promise<Response>;

export interface PreviewHandlers {
  GET: PreviewHandler;
  POST: PreviewHandler;
}

/** Where scripts/serve.mjs finds them: one process, so one global, shared with Next's module graph. */
const KEY = Symbol.for("obsforge.preview-handlers");

export function registerPreviewHandlers(handlers: PreviewHandlers): void {
  (globalThis as Record<symbol, unknown>)[KEY] = handlers;
}
