/**
 * Metric names, label names and label values for PromQL completion, read from the project's
 * Prometheus through the app's own preview API (`/api/projects/{id}/preview/...`), never directly.
 * Answers are cached per project and datasource in memory. Nothing here throws: when the preview is
 * unreachable the answer is empty, and that project is left alone for a while so the editor does
 * not keep firing failing requests while someone types.
 */

export interface PreviewSource {
  projectId: string;
  datasourceUid?: string;
}

export interface MetricInfo {
  name: string;
  /** counter, gauge, histogram, summary, … (from Prometheus's metadata). */
  type?: string;
  help?: string;
  unit?: string;
}

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface PreviewCatalogOptions {
  fetch?: FetchLike;
  now?: () => number;
  /** How long an answer is reused. Default 5 minutes. */
  ttlMs?: number;
  /** How long a source that failed is not asked again. Default 1 minute. */
  failureBackoffMs?: number;
}

/** The preview URL of an endpoint (`labels`, `metadata`, `label/<name>/values`) with its parameters. */
export function previewUrl(
  source: PreviewSource,
  endpoint: string,
  params: Record<string, string | undefined> = {},
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.append(name, value);
  if (source.datasourceUid) search.append("datasource", source.datasourceUid);
  const query = search.toString();
  return `/api/projects/${encodeURIComponent(source.projectId)}/preview/${endpoint}${query ? `?${query}` : ""}`;
}

function stringList(data: unknown): string[] {
  return Array.isArray(data) ? data.filter((item): item is string => typeof item === "string") : [];
}

interface MetadataEntry {
  type?: unknown;
  help?: unknown;
  unit?: unknown;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The metadata family a series name belongs to: `x_bucket`, `x_sum`, `x_count` → `x`. */
function familyOf(name: string, metadata: ReadonlyMap<string, MetadataEntry>): MetadataEntry | undefined {
  const direct = metadata.get(name);
  if (direct) return direct;
  const base = name.replace(/_(?:bucket|sum|count|total|created|info)$/, "");
  return base !== name ? metadata.get(base) : undefined;
}

/** Metric names joined with Prometheus's metadata (type, help, unit), sorted by name. */
export function mergeMetricInfo(names: readonly string[], metadata: unknown): MetricInfo[] {
  const families = new Map<string, MetadataEntry>();
  if (metadata && typeof metadata === "object") {
    for (const [name, entries] of Object.entries(metadata as Record<string, unknown>)) {
      const first = Array.isArray(entries) ? (entries[0] as MetadataEntry | undefined) : undefined;
      if (first && typeof first === "object") families.set(name, first);
    }
  }
  const all = new Set([...names, ...(names.length === 0 ? families.keys() : [])]);
  return [...all].sort().map((name) => {
    const family = familyOf(name, families);
    return { name, type: text(family?.type), help: text(family?.help), unit: text(family?.unit) };
  });
}

interface CacheEntry<T> {
  at: number;
  value: Promise<T>;
}

export class PreviewCatalog {
  private readonly cache = new Map<string, CacheEntry<unknown>>();
  private readonly failedAt = new Map<string, number>();
  private readonly fetchImpl: FetchLike;
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly failureBackoffMs: number;

  constructor(options: PreviewCatalogOptions = {}) {
    this.fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
    this.now = options.now ?? (() => Date.now());
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.failureBackoffMs = options.failureBackoffMs ?? 60_000;
  }

  private sourceKey(source: PreviewSource): string {
    return `${source.projectId}\u0000${source.datasourceUid ?? ""}`;
  }

  /** The `data` of a preview answer, or undefined on any failure (network, status, shape). */
  private async data(source: PreviewSource, url: string): Promise<unknown> {
    const key = this.sourceKey(source);
    const failed = this.failedAt.get(key);
    if (failed !== undefined && this.now() - failed < this.failureBackoffMs) return undefined;
    try {
      const response = await this.fetchImpl(url, { headers: { accept: "application/json" } });
      // A refused query (400, 422) concerns that request only; anything else (no datasource, not
      // allowed, unreachable) will fail the next request the same way.
      if (response.status === 400 || response.status === 422) return undefined;
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { status?: unknown; data?: unknown };
      if (body.status !== "success") return undefined;
      this.failedAt.delete(key);
      return body.data;
    } catch {
      this.failedAt.set(key, this.now());
      return undefined;
    }
  }

  private cached<T>(source: PreviewSource, name: string, load: () => Promise<T>): Promise<T> {
    const key = `${this.sourceKey(source)}\u0000${name}`;
    const entry = this.cache.get(key) as CacheEntry<T> | undefined;
    if (entry && this.now() - entry.at < this.ttlMs) return entry.value;
    const value = load();
    this.cache.set(key, { at: this.now(), value });
    // Empty answers (often failures) are not worth keeping for the whole TTL.
    void value.then((result) => {
      if (Array.isArray(result) && result.length === 0) this.cache.delete(key);
    });
    return value;
  }

  /** Every metric name with its type and help. */
  metrics(source: PreviewSource): Promise<MetricInfo[]> {
    return this.cached(source, "metrics", async () => {
      const [names, metadata] = await Promise.all([
        this.data(source, previewUrl(source, "label/__name__/values")),
        this.data(source, previewUrl(source, "metadata")),
      ]);
      return mergeMetricInfo(stringList(names), metadata);
    });
  }

  /** Label names, of the series of `metric` when given. */
  labelNames(source: PreviewSource, metric?: string): Promise<string[]> {
    return this.cached(source, `labels\u0000${metric ?? ""}`, async () => {
      const url = previewUrl(source, "labels", { "match[]": metric });
      return stringList(await this.data(source, url))
        .filter((name) => name !== "__name__")
        .sort();
    });
  }

  /** Values of `label`, among the series of `metric` when given. */
  labelValues(source: PreviewSource, label: string, metric?: string): Promise<string[]> {
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label)) return Promise.resolve([]);
    return this.cached(source, `values\u0000${label}\u0000${metric ?? ""}`, async () => {
      const url = previewUrl(source, `label/${label}/values`, { "match[]": metric });
      return stringList(await this.data(source, url)).sort();
    });
  }

  /** What is known already about a metric, without asking (for hovers). */
  async knownMetric(source: PreviewSource, name: string): Promise<MetricInfo | undefined> {
    const entry = this.cache.get(`${this.sourceKey(source)}\u0000metrics`) as
      | CacheEntry<MetricInfo[]>
      | undefined;
    if (!entry) return undefined;
    return (await entry.value).find((metric) => metric.name === name);
  }
}

/** The one catalog of the page: every editor of a project shares its answers. */
export const previewCatalog = new PreviewCatalog();
