import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import { type Project, ProjectShapeSchema } from "../model";
import { PreviewError } from "../prometheus/errors";
import {
  allowedBaseUrls,
  assertAllowedBaseUrl,
  endpointPath,
  resolveEndpoint,
  resolvePreviewTarget,
} from "./allowlist";

function project(datasources: unknown[]): Project {
  const base = projectFromTemplate({ name: "Shop", level: "basic" });
  return ProjectShapeSchema.parse({
    ...base,
    datasources: [...base.datasources.filter((d) => d.type !== "prometheus"), ...datasources],
  });
}

const withPreviewUrl = project([
  {
    uid: "prometheus",
    name: "Prometheus",
    type: "prometheus",
    url: "http://prometheus:9090",
    isDefault: true,
    previewUrl: "http://127.0.0.1:9099/",
  },
  {
    uid: "other",
    name: "Other",
    type: "prometheus",
    url: "http://other.internal:9090",
    scrapeInterval: "30s",
  },
]);

function failure(run: () => unknown): PreviewError {
  try {
    run();
  } catch (error) {
    if (error instanceof PreviewError) return error;
    throw error;
  }
  throw new Error("expected a PreviewError");
}

describe("resolveEndpoint", () => {
  it.each([
    [["query"], "GET", "/api/v1/query"],
    [["query"], "POST", "/api/v1/query"],
    [["query_range"], "POST", "/api/v1/query_range"],
    [["series"], "GET", "/api/v1/series"],
    [["labels"], "POST", "/api/v1/labels"],
    [["label", "__name__", "values"], "GET", "/api/v1/label/__name__/values"],
    [["label", "job", "values"], "GET", "/api/v1/label/job/values"],
    [["metadata"], "GET", "/api/v1/metadata"],
    [["alerts"], "GET", "/api/v1/alerts"],
    [["rules"], "GET", "/api/v1/rules"],
  ])("allows %j with %s → %s", (segments, method, path) => {
    expect(endpointPath(resolveEndpoint(segments, method))).toBe(path);
  });

  it.each([
    [["admin", "tsdb", "delete_series"], "POST", 404],
    [["admin", "tsdb", "snapshot"], "GET", 404],
    [["rules", "x"], "GET", 404],
    [["rules"], "POST", 405],
    [["targets"], "GET", 404],
    [["status", "config"], "GET", 404],
    [["query", "extra"], "GET", 404],
    [["label", "job"], "GET", 404],
    [["label", "job", "values", "x"], "GET", 404],
    [["label", "../admin", "values"], "GET", 400],
    [["label", "a b", "values"], "GET", 400],
    [[], "GET", 404],
    [["query"], "PUT", 405],
    [["query"], "DELETE", 405],
    [["alerts"], "POST", 405],
    [["metadata"], "POST", 405],
    [["label", "job", "values"], "POST", 405],
  ])("refuses %j with %s (%i)", (segments, method, status) => {
    expect(failure(() => resolveEndpoint(segments, method)).status).toBe(status);
  });
});

describe("resolvePreviewTarget", () => {
  it("uses the default Prometheus's previewUrl, normalized", () => {
    expect(resolvePreviewTarget(withPreviewUrl, undefined, {})).toMatchObject({
      baseUrl: "http://127.0.0.1:9099",
      source: "previewUrl",
      scrapeIntervalSeconds: 15,
    });
  });

  it("uses a chosen datasource's url when it has no previewUrl", () => {
    expect(resolvePreviewTarget(withPreviewUrl, "other", {})).toMatchObject({
      baseUrl: "http://other.internal:9090",
      source: "url",
      scrapeIntervalSeconds: 30,
    });
  });

  it("prefers the demo Prometheus over an in-stack url, never over a previewUrl", () => {
    const env = { OBSFORGE_DEMO_PROMETHEUS_URL: "http://127.0.0.1:9100" };
    expect(resolvePreviewTarget(withPreviewUrl, "other", env)).toMatchObject({
      baseUrl: "http://127.0.0.1:9100",
      source: "demo",
    });
    expect(resolvePreviewTarget(withPreviewUrl, "prometheus", env).source).toBe("previewUrl");
  });

  it("falls back to the demo Prometheus for a project without one, and fails without either", () => {
    const none = project([]);
    expect(
      resolvePreviewTarget(none, undefined, { OBSFORGE_DEMO_PROMETHEUS_URL: "http://localhost:9099" })
        .baseUrl,
    ).toBe("http://localhost:9099");
    expect(failure(() => resolvePreviewTarget(none, undefined, {})).kind).toBe("no_datasource");
  });

  it("refuses unknown and non-Prometheus datasources", () => {
    expect(failure(() => resolvePreviewTarget(withPreviewUrl, "nope", {})).status).toBe(404);
    const loki = failure(() => resolvePreviewTarget(withPreviewUrl, "loki", {}));
    expect(loki.status).toBe(400);
    expect(loki.message).toMatch(/loki/);
  });

  it("refuses configured URLs that are not plain http(s)", () => {
    const bad = project([
      {
        uid: "p",
        name: "P",
        type: "prometheus",
        url: "http://prometheus:9090",
        previewUrl: "http://user:secret@127.0.0.1:9090",
      },
    ]);
    expect(failure(() => resolvePreviewTarget(bad, undefined, {})).message).toMatch(/credentials/);
    // The model refuses such a URL; the allowlist refuses it again for rows stored before it did.
    const ftp = {
      ...withPreviewUrl,
      datasources: [{ uid: "p", name: "P", type: "prometheus", url: "ftp://127.0.0.1/", isDefault: true }],
    } as Project;
    expect(failure(() => resolvePreviewTarget(ftp, undefined, {})).message).toMatch(/http or https/);
    expect(
      failure(() =>
        resolvePreviewTarget(withPreviewUrl, undefined, { OBSFORGE_DEMO_PROMETHEUS_URL: "file:///etc" }),
      ).kind,
    ).toBe("not_allowed");
  });
});

describe("the base-URL allowlist", () => {
  const env = { OBSFORGE_DEMO_PROMETHEUS_URL: "http://127.0.0.1:9100/" };

  it("lists the project's Prometheus URLs and the demo's", () => {
    expect(allowedBaseUrls(withPreviewUrl, env)).toEqual([
      "http://127.0.0.1:9099",
      "http://other.internal:9090",
      "http://127.0.0.1:9100",
    ]);
  });

  it.each([
    "http://127.0.0.1:9099",
    "http://127.0.0.1:9099/",
    "http://other.internal:9090",
    "http://127.0.0.1:9100",
  ])("allows %s", (url) => {
    expect(() => assertAllowedBaseUrl(url, withPreviewUrl, env)).not.toThrow();
  });

  it.each([
    "http://169.254.169.254",
    "http://127.0.0.1:9098",
    "http://127.0.0.1:22",
    "https://127.0.0.1:9099",
    "http://prometheus:9090",
    "http://other.internal:9090/admin",
    "http://evil.example/",
    "gopher://127.0.0.1:9099",
    "not a url",
  ])("refuses %s with a 4xx", (url) => {
    const error = failure(() => assertAllowedBaseUrl(url, withPreviewUrl, env));
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.status).toBeLessThan(500);
  });
});
