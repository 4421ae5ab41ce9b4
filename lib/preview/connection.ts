import "server-only";
import type { TestConnectionBody, TestConnectionResponse } from "../api/preview-schemas";
import { buildInfo, tsdbStatus } from "../prometheus/client";
import { PreviewError } from "../prometheus/errors";
import { DEFAULT_TIMEOUT_MS } from "../prometheus/fetch-limited";
import { normalizeBaseUrl, type PreviewEnv, type PreviewTarget, previewBaseUrl } from "./allowlist";

/**
 * Settings' "Test connection" (Grafana's "Save & test"): is there a Prometheus at this URL, which
 * version, how many series. It calls two read endpoints on that URL and nothing else, within the
 * preview's time bound in all; the answers are a few hundred bytes.
 */

const MAX_BYTES = 256 * 1024;

/** The URL a test-connection body names: `{url}` itself, or where a datasource's previews would go. */
export function connectionTestTarget(
  body: TestConnectionBody,
  env: PreviewEnv,
): Pick<PreviewTarget, "baseUrl" | "source"> {
  if (body.datasource) return previewBaseUrl(body.datasource, env);
  if (body.url === undefined) throw new PreviewError("bad_request", "give either url or datasource");
  return { baseUrl: normalizeBaseUrl(body.url, "the URL"), source: "url" };
}

export interface ConnectionTestOptions {
  signal?: AbortSignal;
  /** Both calls together; default the preview's own timeout. */
  timeoutMs?: number;
}

/**
 * GET /api/v1/status/buildinfo, then GET /api/v1/status/tsdb for the head block's series count.
 * A failed buildinfo is the answer (`ok: false`); a failed series count only leaves it out.
 */
export async function testConnection(
  target: Pick<PreviewTarget, "baseUrl" | "source">,
  options: ConnectionTestOptions = {},
): Promise<TestConnectionResponse> {
  const tested = { url: target.baseUrl, source: target.source };
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const remaining = (): number => Math.max(1, deadline - Date.now());
  let version: string;
  let revision: string | undefined;
  try {
    const info = await buildInfo(target.baseUrl, {
      signal: options.signal,
      timeoutMs: remaining(),
      maxBytes: MAX_BYTES,
    });
    version = info.data.version;
    revision = info.data.revision;
  } catch (error) {
    if (!(error instanceof PreviewError)) throw error;
    return { ok: false, ...tested, kind: error.kind, error: error.message };
  }
  const found = { ok: true as const, ...tested, version, ...(revision ? { revision } : {}) };
  try {
    const status = await tsdbStatus(target.baseUrl, {
      signal: options.signal,
      timeoutMs: remaining(),
      maxBytes: MAX_BYTES,
    });
    return { ...found, series: status.data.headStats.numSeries };
  } catch (error) {
    if (!(error instanceof PreviewError)) throw error;
    return { ...found, series: null, seriesError: error.message };
  }
}
