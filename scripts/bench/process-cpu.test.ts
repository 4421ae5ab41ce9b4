import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { groupOf, ticksOf } from "./process-cpu";

describe("groupOf", () => {
  it("tells a page's main thread from the rest of Chromium, on the zygote's one-string command line", () => {
    const renderer = "/usr/lib/chromium/chromium --type=renderer --lang=en-US --renderer-client-id=7";
    expect(groupOf("4242", "4242", renderer)).toBe("page main thread");
    expect(groupOf("4242", "4250", renderer)).toBe("page's other threads");
    expect(groupOf("4100", "4100", "/usr/lib/chromium/chromium\0--type=gpu-process\0")).toBe(
      "browser and GPU processes",
    );
    expect(groupOf("4000", "4001", "/usr/bin/chromium\0--headless\0--remote-debugging-pipe\0")).toBe(
      "browser and GPU processes",
    );
  });

  it("finds the app and Prometheus, and leaves everything else out", () => {
    expect(groupOf("10", "10", "/usr/bin/node\0/work/main/scripts/serve.mjs\0")).toBe("app");
    expect(groupOf("11", "12", "/usr/bin/prometheus\0--config.file=/tmp/p.yml\0")).toBe("Prometheus");
    expect(groupOf("13", "13", "/usr/bin/node\0node_modules/.bin/tsx\0scripts/bench/index.ts\0")).toBe(
      undefined,
    );
  });
});

describe("ticksOf", () => {
  it("reads this process's CPU time from its threads' stat lines as the kernel writes them", () => {
    const started = Date.now();
    while (Date.now() - started < 300) Math.sqrt(Math.random()); // at least 0.3 s of CPU
    const ticks = readdirSync("/proc/self/task").reduce(
      (sum, tid) => sum + ticksOf(readFileSync(`/proc/self/task/${tid}/stat`, "utf8")),
      0,
    );
    const { user, system } = process.cpuUsage();
    // Ticks are hundredths of a second, rounded down per thread.
    expect(ticks * 10).toBeGreaterThan(300);
    expect(Math.abs(ticks * 10 - (user + system) / 1000)).toBeLessThan(100);
  });
});
