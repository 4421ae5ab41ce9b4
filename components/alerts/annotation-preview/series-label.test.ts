import { describe, expect, it } from "vitest";
import { seriesLabel } from "./series-label";

describe("seriesLabel", () => {
  it("writes a series as Prometheus does, labels sorted, name first", () => {
    expect(seriesLabel({ job: "node", __name__: "up", instance: 'a"b' })).toBe(
      'up{instance="a\\"b", job="node"}',
    );
    expect(seriesLabel({})).toBe("{}");
  });
});
