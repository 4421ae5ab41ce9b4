import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import { ProjectShapeSchema } from "../model";
import { resolvePreviewTarget } from "./allowlist";
import {
  chooseStep,
  MAX_POINTS,
  MIN_WIDTH_PX,
  NICE_STEPS_SECONDS,
  pointCount,
  previewScrapeSeconds,
  queryStep,
  stepWidth,
  widthForStep,
} from "./step";

const HOUR = 3600;
const DAY = 86_400;

const cases: { rangeSeconds: number; widthPx: number; scrapeIntervalSeconds: number; step: number }[] = [
  // fine ranges are limited by the scrape interval
  { rangeSeconds: 5 * 60, widthPx: 800, scrapeIntervalSeconds: 15, step: 15 },
  { rangeSeconds: HOUR, widthPx: 1200, scrapeIntervalSeconds: 15, step: 15 },
  { rangeSeconds: HOUR, widthPx: 1200, scrapeIntervalSeconds: 60, step: 60 },
  { rangeSeconds: HOUR, widthPx: 1200, scrapeIntervalSeconds: 1, step: 5 },
  { rangeSeconds: 60, widthPx: 1200, scrapeIntervalSeconds: 1, step: 1 },
  // a scrape interval that is not a nice step rounds up to one
  { rangeSeconds: HOUR, widthPx: 1200, scrapeIntervalSeconds: 20, step: 30 },
  // narrow panels need coarser steps
  { rangeSeconds: HOUR, widthPx: 100, scrapeIntervalSeconds: 15, step: 60 },
  { rangeSeconds: 6 * HOUR, widthPx: 300, scrapeIntervalSeconds: 15, step: 120 },
  { rangeSeconds: 6 * HOUR, widthPx: 1000, scrapeIntervalSeconds: 15, step: 30 },
  // wide panels are capped at MAX_POINTS points
  { rangeSeconds: 6 * HOUR, widthPx: 5000, scrapeIntervalSeconds: 15, step: 30 },
  { rangeSeconds: DAY, widthPx: 5000, scrapeIntervalSeconds: 15, step: 120 },
  { rangeSeconds: 7 * DAY, widthPx: 1500, scrapeIntervalSeconds: 15, step: 900 },
  { rangeSeconds: 30 * DAY, widthPx: 1000, scrapeIntervalSeconds: 15, step: 3600 },
  { rangeSeconds: 365 * DAY, widthPx: 1000, scrapeIntervalSeconds: 15, step: 43_200 },
  // beyond the table: whole days
  { rangeSeconds: 5 * 365 * DAY, widthPx: 1000, scrapeIntervalSeconds: 15, step: 2 * DAY },
];

describe("chooseStep", () => {
  it.each(cases)(
    "$rangeSeconds s over $widthPx px, scraped every $scrapeIntervalSeconds s → $step s",
    (input) => {
      const step = chooseStep(input);
      expect(step).toBe(input.step);
      expect(step).toBeGreaterThanOrEqual(input.scrapeIntervalSeconds);
      expect(pointCount(input.rangeSeconds, step)).toBeLessThanOrEqual(Math.min(input.widthPx, MAX_POINTS));
    },
  );

  it("keeps every range and width within the limits, on a nice step", () => {
    for (const rangeSeconds of [60, 900, HOUR, 3 * HOUR, 12 * HOUR, DAY, 2 * DAY, 14 * DAY, 90 * DAY]) {
      for (const widthPx of [10, 150, 640, 999, 1000, 1001, 4000]) {
        for (const scrapeIntervalSeconds of [1, 10, 15, 30, 60]) {
          const step = chooseStep({ rangeSeconds, widthPx, scrapeIntervalSeconds });
          expect(pointCount(rangeSeconds, step)).toBeLessThanOrEqual(Math.min(widthPx, MAX_POINTS));
          expect(step).toBeGreaterThanOrEqual(scrapeIntervalSeconds);
          expect(NICE_STEPS_SECONDS.includes(step) || step % DAY === 0).toBe(true);
        }
      }
    }
  });

  it("honours a lower point limit", () => {
    expect(chooseStep({ rangeSeconds: HOUR, widthPx: 1000, scrapeIntervalSeconds: 15, maxPoints: 61 })).toBe(
      60,
    );
  });
});

describe("stepWidth", () => {
  it("gives back the same step, with no more points than pixels, for every range, width and scrape interval", () => {
    for (const rangeSeconds of [0, 1, 60, 300, 900, HOUR, 3 * HOUR, 6 * HOUR, DAY, 7 * DAY, 90 * DAY]) {
      for (let widthPx = 50; widthPx <= 4000; widthPx += 13) {
        for (const scrapeIntervalSeconds of [1, 10, 15, 20, 30, 60]) {
          const input = { rangeSeconds, widthPx, scrapeIntervalSeconds };
          const step = chooseStep(input);
          const width = stepWidth(input);
          expect(chooseStep({ ...input, widthPx: width })).toBe(step);
          expect(width).toBeGreaterThanOrEqual(MIN_WIDTH_PX);
          expect(width).toBeLessThanOrEqual(Math.max(MIN_WIDTH_PX, Math.min(widthPx, MAX_POINTS)));
          expect(pointCount(rangeSeconds, step)).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it("is one value for every width with one step: a resize within a step keeps the request", () => {
    const widths = [520, 560, 600, 640, 700, 719].map((widthPx) =>
      stepWidth({ rangeSeconds: 6 * HOUR, widthPx, scrapeIntervalSeconds: 15 }),
    );
    expect(new Set(widths)).toEqual(new Set([widthForStep(6 * HOUR, 60)]));
    expect(stepWidth({ rangeSeconds: 6 * HOUR, widthPx: 721, scrapeIntervalSeconds: 15 })).toBe(
      widthForStep(6 * HOUR, 30),
    );
  });
});

describe("previewScrapeSeconds", () => {
  const base = projectFromTemplate({ name: "Shop", level: "basic" });
  const project = ProjectShapeSchema.parse({
    ...base,
    scrapeInterval: "20s",
    datasources: [
      ...base.datasources.filter((datasource) => datasource.type !== "prometheus"),
      { uid: "main", name: "Main", type: "prometheus", isDefault: true, scrapeInterval: "30s" },
      { uid: "other", name: "Other", type: "prometheus", scrapeInterval: "1m" },
    ],
  });

  it("agrees with the server's choice of Prometheus", () => {
    for (const uid of [undefined, "main", "other"]) {
      expect(previewScrapeSeconds(project, uid)).toBe(
        resolvePreviewTarget(project, uid, {}).scrapeIntervalSeconds,
      );
    }
    const none = { ...project, datasources: [] };
    expect(previewScrapeSeconds(none, undefined)).toBe(
      resolvePreviewTarget(none, undefined, { OBSFORGE_DEMO_PROMETHEUS_URL: "http://127.0.0.1:9090" })
        .scrapeIntervalSeconds,
    );
    expect(previewScrapeSeconds(none, undefined)).toBe(20);
  });
});

describe("queryStep", () => {
  // Grafana's calculatePrometheusInterval: max(chosen, min step) times the interval factor.
  it.each([
    { chosen: 15, options: {}, step: 15 },
    { chosen: 15, options: { intervalFactor: 1 }, step: 15 },
    { chosen: 15, options: { intervalFactor: 2 }, step: 30 },
    { chosen: 15, options: { intervalFactor: 3 }, step: 45 },
    { chosen: 60, options: { intervalFactor: 10 }, step: 600 },
    { chosen: 15, options: { minIntervalSeconds: 60 }, step: 60 },
    { chosen: 120, options: { minIntervalSeconds: 60 }, step: 120 },
    { chosen: 15, options: { minIntervalSeconds: 60, intervalFactor: 2 }, step: 120 },
  ])("$chosen s with $options steps by $step s", ({ chosen, options, step }) => {
    expect(queryStep(chosen, options)).toBe(step);
  });
});
