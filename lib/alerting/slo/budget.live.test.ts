import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SloSpecSchema } from "@/lib/model/slo";
import { query } from "@/lib/prometheus/client";
import { makeTempDir } from "@/lib/tools/files";
import { startTestPrometheus, type TestPrometheus } from "../backtest/testing/prometheus";
import { budgetRows } from "./budget-rows";
import { generateSloRules } from "./generate";
import { type RouteTraffic, sloTraffic } from "./testing/slo-traffic";

/**
 * The budget-left query the SLO page shows, asked of a real Prometheus over backfilled traffic
 * whose error ratio per route is known: 0.05 % errors against a 0.1 % budget leave half of it,
 * 0.2 % overspends it twice (−100 %), none leaves all of it.
 */

const ROUTES: RouteTraffic[] = [
  { route: "/half", requestsPerMinute: 2000, errorsPerMinute: 1 },
  { route: "/over", requestsPerMinute: 2000, errorsPerMinute: 4 },
  { route: "/clean", requestsPerMinute: 2000, errorsPerMinute: 0 },
];
const END_MS = (Math.floor(Date.now() / 60_000) - 5) * 60_000;

let dir: string;
let prometheus: TestPrometheus;

beforeAll(async () => {
  dir = makeTempDir("obsforge-slo-budget");
  prometheus = await startTestPrometheus({ dir, series: sloTraffic(ROUTES, END_MS, 36) });
});

afterAll(async () => {
  await prometheus?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("budget left against a real Prometheus", () => {
  for (const counts of ["errors", "good"] as const) {
    it(`per route, from ${counts} and total counters`, async () => {
      const spec = SloSpecSchema.parse({
        name: "api",
        objective: 99.9,
        groupBy: ["route"],
        indicator: {
          kind: "availability",
          [counts]:
            counts === "errors"
              ? 'http_request_errors_total{job="api"}'
              : 'http_requests_ok_total{job="api"}',
          total: 'http_requests_total{job="api"}',
        },
      });
      const answer = await query(prometheus.url, {
        query: generateSloRules(spec).budgetRemainingQuery,
        time: String(END_MS / 1000),
      });
      const left = Object.fromEntries(budgetRows(answer.data).map((row) => [row.labels.route, row.left]));
      expect(Object.keys(left).sort()).toEqual(["/clean", "/half", "/over"]);
      expect(left["/half"]).toBeCloseTo(0.5, 9);
      expect(left["/over"]).toBeCloseTo(-1, 9);
      expect(left["/clean"]).toBeCloseTo(1, 9);
    });
  }
});
