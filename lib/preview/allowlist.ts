import type { Env } from "../env";
import type { Datasource, Project } from "../model";
import { PreviewError } from "../prometheus/errors";
import { scrapeIntervalSeconds } from "./step";

/**
 * What a preview may reach: only the Prometheus URLs the project configured (a datasource's
 * `previewUrl`, else its `url`) or the demo Prometheus the server was started with; only the read
 * endpoints below; only GET and POST. Nothing here comes from the browser unchecked.
 */

export type PrometheusDatasource = Extract<Datasource, { type: "prometheus" }>;

export type PreviewEndpoint =
  | { kind: "query" }
  | { kind: "query_range" }
  | { kind: "series" }
  | { kind: "labels" }
  | { kind: "label_values"; label: string }
  | { kind: "metadata" }
  | { kind: "alerts" }
  | { kind: "rules" };

export type PreviewMethod = "GET" | "POST";

/** Where each endpoint lives in Prometheus and which methods Prometheus accepts there. */
export const PREVIEW_ENDPOINTS: Readonly<
  Record<PreviewEndpoint["kind"], { path: string; methods: readonly PreviewMethod[] }>
> = {
  query: { path: "/api/v1/query", methods: ["GET", "POST"] },
  query_range: { path: "/api/v1/query_range", methods: ["GET", "POST"] },
  series: { path: "/api/v1/series", methods: ["GET", "POST"] },
  labels: { path: "/api/v1/labels", methods: ["GET", "POST"] },
  label_values: { path: "/api/v1/label/<name>/values", methods: ["GET"] },
  metadata: { path: "/api/v1/metadata", methods: ["GET"] },
  alerts: { path: "/api/v1/alerts", methods: ["GET"] },
  // The rules page's live state: which groups and rules the Prometheus runs, and their alerts.
  rules: { path: "/api/v1/rules", methods: ["GET"] },
};

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The endpoint named by the path segments after `/preview/`, if the method may use it. */
export function resolveEndpoint(segments: readonly string[], method: string): PreviewEndpoint {
  const endpoint = endpointOf(segments);
  const allowed = PREVIEW_ENDPOINTS[endpoint.kind].methods;
  if (!allowed.includes(method as PreviewMethod)) {
    throw new PreviewError(
      "method_not_allowed",
      `${method} is not allowed on ${segments.join("/")}: use ${allowed.join(" or ")}`,
    );
  }
  return endpoint;
}

/** POST where the endpoint takes it (a long query fits in its body), else GET. */
export function previewMethodFor(segments: readonly string[]): PreviewMethod {
  return PREVIEW_ENDPOINTS[endpointOf(segments).kind].methods.includes("POST") ? "POST" : "GET";
}

function endpointOf(segments: readonly string[]): PreviewEndpoint {
  const [first, second, third, ...rest] = segments;
  if (segments.length === 1) {
    switch (first) {
      case "query":
      case "query_range":
      case "series":
      case "labels":
      case "metadata":
      case "alerts":
      case "rules":
        return { kind: first };
    }
  }
  if (first === "label" && third === "values" && rest.length === 0 && second !== undefined) {
    if (!LABEL_NAME.test(second)) throw new PreviewError("bad_request", `"${second}" is not a label name`);
    return { kind: "label_values", label: second };
  }
  const known = "query, query_range, series, labels, label/<name>/values, metadata, alerts, rules";
  throw new PreviewError("unknown_endpoint", `no preview endpoint "${segments.join("/")}": one of ${known}`);
}

/** The part of the validated environment (`env()` from lib/env) a preview reads. */
export type PreviewEnv = Pick<Env, "OBSFORGE_DEMO_PROMETHEUS_URL">;

export interface PreviewTarget {
  baseUrl: string;
  /** The project's datasource, when the target is one. */
  datasource?: PrometheusDatasource;
  scrapeIntervalSeconds: number;
  /** Which setting the URL came from. */
  source: "previewUrl" | "url" | "demo";
}

/** A base URL safe to fetch from: http(s), no credentials, no query or fragment, no trailing slash. */
export function normalizeBaseUrl(text: string, what: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PreviewError("not_allowed", `${what} "${text}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new PreviewError("not_allowed", `${what} must be http or https, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new PreviewError("not_allowed", `${what} must not carry credentials in the URL`);
  }
  if (url.search || url.hash)
    throw new PreviewError("not_allowed", `${what} must not have a query or fragment`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

function demoUrl(env: PreviewEnv): string | undefined {
  const value = env.OBSFORGE_DEMO_PROMETHEUS_URL?.trim();
  return value ? normalizeBaseUrl(value, "OBSFORGE_DEMO_PROMETHEUS_URL") : undefined;
}

function prometheusDatasources(project: Project): PrometheusDatasource[] {
  return project.datasources.filter((ds): ds is PrometheusDatasource => ds.type === "prometheus");
}

function scrapeSeconds(datasource: PrometheusDatasource | undefined, project: Project): number {
  return scrapeIntervalSeconds(datasource?.scrapeInterval ?? project.scrapeInterval);
}

/** Every base URL a preview of this project may fetch from. */
export function allowedBaseUrls(project: Project, env: PreviewEnv): string[] {
  const urls = new Set<string>();
  for (const datasource of prometheusDatasources(project)) {
    urls.add(normalizeBaseUrl(datasource.previewUrl ?? datasource.url, `datasource "${datasource.uid}"`));
  }
  const demo = demoUrl(env);
  if (demo) urls.add(demo);
  return [...urls];
}

/** Refuses any base URL the project did not configure. */
export function assertAllowedBaseUrl(url: string, project: Project, env: PreviewEnv): string {
  const normalized = normalizeBaseUrl(url, "the preview URL");
  if (!allowedBaseUrls(project, env).includes(normalized)) {
    throw new PreviewError(
      "not_allowed",
      `${new URL(normalized).host} is not a Prometheus this project configured`,
    );
  }
  return normalized;
}

/**
 * The Prometheus a preview runs against: the requested datasource (default: the project's default
 * Prometheus), at the URL `previewBaseUrl` picks for it; a project without one previews against
 * the demo Prometheus when the server runs one.
 */
export function resolvePreviewTarget(
  project: Project,
  datasourceUid: string | undefined,
  env: PreviewEnv,
): PreviewTarget {
  const demo = demoUrl(env);
  const candidates = prometheusDatasources(project);
  let datasource: PrometheusDatasource | undefined;
  if (datasourceUid !== undefined) {
    const found = project.datasources.find((ds) => ds.uid === datasourceUid);
    if (!found) throw new PreviewError("no_datasource", `the project has no datasource "${datasourceUid}"`);
    if (found.type !== "prometheus") {
      throw new PreviewError(
        "bad_request",
        `datasource "${datasourceUid}" is ${found.type}; previews query Prometheus`,
      );
    }
    datasource = found;
  } else {
    datasource = candidates.find((ds) => ds.isDefault) ?? candidates[0];
  }
  if (!datasource) {
    if (demo)
      return { baseUrl: demo, scrapeIntervalSeconds: scrapeSeconds(undefined, project), source: "demo" };
    throw new PreviewError("no_datasource", "the project has no Prometheus datasource to preview against");
  }
  const scrapeIntervalSeconds = scrapeSeconds(datasource, project);
  return { ...previewBaseUrl(datasource, env), datasource, scrapeIntervalSeconds };
}

/** A Prometheus datasource's two URLs, as stored or as typed in Settings (saved or not). */
export interface PrometheusUrls {
  url: string;
  previewUrl?: string;
  /** Names the datasource in messages. */
  uid?: string;
}

/**
 * The URL previews of a Prometheus datasource with these URLs go to: its `previewUrl`; without one,
 * the demo Prometheus when the server runs one (the `url` names a host inside the stack's
 * network, which the server rarely resolves); else its `url`.
 */
export function previewBaseUrl(
  datasource: PrometheusUrls,
  env: PreviewEnv,
): Pick<PreviewTarget, "baseUrl" | "source"> {
  const name = datasource.uid === undefined ? "the datasource" : `datasource "${datasource.uid}"`;
  if (datasource.previewUrl) {
    return {
      baseUrl: normalizeBaseUrl(datasource.previewUrl, `previewUrl of ${name}`),
      source: "previewUrl",
    };
  }
  const demo = demoUrl(env);
  if (demo) return { baseUrl: demo, source: "demo" };
  return { baseUrl: normalizeBaseUrl(datasource.url, `url of ${name}`), source: "url" };
}

/** The Prometheus path of an endpoint. */
export function endpointPath(endpoint: PreviewEndpoint): string {
  return endpoint.kind === "label_values"
    ? `/api/v1/label/${endpoint.label}/values`
    : PREVIEW_ENDPOINTS[endpoint.kind].path;
}
