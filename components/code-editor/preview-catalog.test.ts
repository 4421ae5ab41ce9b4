import { describe, expect, it } from "vitest";
import { mergeMetricInfo, PreviewCatalog, previewUrl } from "./preview-catalog";

function answer(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(status === 200 ? { status: "success", data } : { error: "x" }), {
    status,
    headers: { "content-type": "application/json" },
  });
}

/** A fake preview API: records the URLs asked and answers from a table. */
function fakeFetch(routes: Record<string, () => Response | Promise<Response>>): {
  fetch: (url: string) => Promise<Response>;
  asked: string[];
} {
  const asked: string[] = [];
  return {
    asked,
    fetch: async (url: string) => {
      asked.push(url);
      const path = url.replace(/^\/api\/projects\/p1\/preview\//, "");
      const route = routes[path];
      if (!route) throw new TypeError("Failed to fetch");
      return route();
    },
  };
}

const SOURCE = { projectId: "p1" };

describe("previewUrl", () => {
  it("builds preview API URLs with parameters and the datasource", () => {
    expect(previewUrl({ projectId: "a b" }, "labels")).toBe("/api/projects/a%20b/preview/labels");
    expect(
      previewUrl({ projectId: "p", datasourceUid: "prom" }, "label/job/values", { "match[]": "up" }),
    ).toBe("/api/projects/p/preview/label/job/values?match%5B%5D=up&datasource=prom");
  });
});

describe("mergeMetricInfo", () => {
  it("joins names with metadata, histogram and counter series with their family", () => {
    const metadata = {
      http_request_duration_seconds: [{ type: "histogram", help: "Latency.", unit: "seconds" }],
      up: [{ type: "gauge", help: "Target is up.", unit: "" }],
      jobs_processed: [{ type: "counter", help: "Jobs.", unit: "" }],
    };
    expect(
      mergeMetricInfo(
        ["up", "http_request_duration_seconds_bucket", "jobs_processed_total", "other"],
        metadata,
      ),
    ).toEqual([
      { name: "http_request_duration_seconds_bucket", type: "histogram", help: "Latency.", unit: "seconds" },
      { name: "jobs_processed_total", type: "counter", help: "Jobs.", unit: undefined },
      { name: "other", type: undefined, help: undefined, unit: undefined },
      { name: "up", type: "gauge", help: "Target is up.", unit: undefined },
    ]);
  });

  it("uses metadata names when the name list failed", () => {
    expect(mergeMetricInfo([], { up: [{ type: "gauge", help: "h" }] })).toEqual([
      { name: "up", type: "gauge", help: "h", unit: undefined },
    ]);
  });
});

describe("PreviewCatalog", () => {
  it("reads metrics, label names and values, and caches them", async () => {
    const fake = fakeFetch({
      "label/__name__/values": () => answer(["up", "x_total"]),
      metadata: () => answer({ up: [{ type: "gauge", help: "Up." }] }),
      "labels?match%5B%5D=up": () => answer(["__name__", "job", "instance"]),
      "label/job/values?match%5B%5D=up": () => answer(["b", "a"]),
    });
    const catalog = new PreviewCatalog({ fetch: fake.fetch });
    expect((await catalog.metrics(SOURCE)).map((metric) => metric.name)).toEqual(["up", "x_total"]);
    expect(await catalog.labelNames(SOURCE, "up")).toEqual(["instance", "job"]);
    expect(await catalog.labelValues(SOURCE, "job", "up")).toEqual(["a", "b"]);
    await catalog.metrics(SOURCE);
    await catalog.labelNames(SOURCE, "up");
    expect(fake.asked).toHaveLength(4);
    expect(await catalog.knownMetric(SOURCE, "up")).toMatchObject({ type: "gauge", help: "Up." });
  });

  it("answers empty when the preview is unreachable and backs off from it", async () => {
    let now = 0;
    const fake = fakeFetch({ labels: () => answer(null, 502) });
    const catalog = new PreviewCatalog({ fetch: fake.fetch, now: () => now });
    expect(await catalog.labelNames(SOURCE)).toEqual([]);
    expect(await catalog.metrics(SOURCE)).toEqual([]);
    expect(fake.asked).toEqual(["/api/projects/p1/preview/labels"]);
    now = 61_000;
    expect(await catalog.metrics(SOURCE)).toEqual([]);
    expect(fake.asked.length).toBeGreaterThan(1);
  });

  it("treats a refused query as that query's problem only", async () => {
    const fake = fakeFetch({
      "label/job/values": () => answer(null, 400),
      labels: () => answer(["job"]),
    });
    const catalog = new PreviewCatalog({ fetch: fake.fetch });
    expect(await catalog.labelValues(SOURCE, "job")).toEqual([]);
    expect(await catalog.labelNames(SOURCE)).toEqual(["job"]);
  });

  it("never asks for a label name that is not one", async () => {
    const fake = fakeFetch({});
    const catalog = new PreviewCatalog({ fetch: fake.fetch });
    expect(await catalog.labelValues(SOURCE, "../x")).toEqual([]);
    expect(fake.asked).toEqual([]);
  });
});
