import { describe, expect, it } from "vitest";
import { firstEvaluationAtOrAfter, planChunks, prometheusOffsetMs } from "./evaluation-times";
import { xxhash64 } from "./xxhash64";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("xxhash64", () => {
  it("matches the reference vectors, short and past one 32-byte stripe", () => {
    expect(xxhash64(bytes("")).toString(16)).toBe("ef46db3751d8e999");
    expect(xxhash64(bytes("a")).toString(16)).toBe("d24ec4f1a98c6e5b");
    expect(xxhash64(bytes("abc")).toString(16)).toBe("44bc2cf5ad770999");
  });
});

describe("evaluation times", () => {
  it("steps from the first evaluation at or after a time", () => {
    expect(firstEvaluationAtOrAfter(61_000, 60_000, 0)).toBe(120_000);
    expect(firstEvaluationAtOrAfter(60_000, 60_000, 0)).toBe(60_000);
    expect(firstEvaluationAtOrAfter(61_000, 60_000, 1_500)).toBe(61_500);
  });

  it("gives a phase below the interval", () => {
    const offset = prometheusOffsetMs("node.rules", "/etc/prometheus/rules/node-rules.yml", 60_000);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(60_000);
  });

  it("cuts a window into range queries of at most 11,000 points that follow each other", () => {
    const chunks = planChunks(0, 7 * 86_400_000, 15_000);
    expect(chunks.length).toBe(4);
    expect(chunks[0]).toEqual({ startMs: 0, endMs: 10_999 * 15_000 });
    expect(chunks[1]?.startMs).toBe(11_000 * 15_000);
    expect(chunks.at(-1)?.endMs).toBe(7 * 86_400_000);
  });
});
