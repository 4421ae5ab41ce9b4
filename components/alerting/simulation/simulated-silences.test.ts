import { describe, expect, it } from "vitest";
import { checkSilence, newSilenceDraft, toLocalInput } from "./simulated-silences";

const window = {
  startMs: new Date("2026-01-05T00:00").getTime(),
  endMs: new Date("2026-01-12T00:00").getTime(),
};

describe("checkSilence", () => {
  it("turns matchers and local times into a simulated silence", () => {
    const check = checkSilence(
      {
        id: 1,
        matchers: 'severity="warning", service=~"api|web"',
        starts: "2026-01-06T09:00",
        ends: "2026-01-06T17:30",
      },
      window,
    );
    expect(check).toEqual({
      ok: true,
      silence: {
        matchers: [
          { label: "severity", op: "=", value: "warning" },
          { label: "service", op: "=~", value: "api|web" },
        ],
        startsMs: new Date("2026-01-06T09:00").getTime(),
        endsMs: new Date("2026-01-06T17:30").getTime(),
      },
    });
  });

  it("names the field of each problem", () => {
    const fields = (matchers: string, starts: string, ends: string): string[] => {
      const check = checkSilence({ id: 1, matchers, starts, ends }, window);
      return check.ok ? [] : check.errors.map((e) => `${e.field}: ${e.message}`);
    };
    expect(fields("", "2026-01-06T09:00", "2026-01-06T10:00")).toEqual([
      "matchers: a silence needs at least one matcher",
    ]);
    expect(fields('service=~"(api"', "2026-01-06T09:00", "2026-01-06T10:00")[0]).toMatch(/^matchers: /);
    expect(fields("a=b", "2026-01-06T10:00", "2026-01-06T09:00")).toEqual([
      "ends: the end must be after the start",
    ]);
    expect(fields("a=b", "yesterday", "2026-01-20T09:00")).toEqual([
      "starts: a date and time such as 2026-01-05T09:30",
    ]);
    expect(fields("a=b", "2026-01-01T09:00", "2026-01-04T09:00")).toEqual([
      expect.stringMatching(/^ends: before the window starts/),
    ]);
    expect(fields("a=b", "2026-01-12T09:00", "2026-01-13T09:00")).toEqual([
      expect.stringMatching(/^starts: after the window ends/),
    ]);
    // Over the window's edges: active over the part inside.
    expect(fields("a=b", "2026-01-01T09:00", "2026-01-20T09:00")).toEqual([]);
  });

  it("starts a new silence over the middle of the window", () => {
    const draft = newSilenceDraft(3, window);
    expect(draft.starts).toBe(toLocalInput(window.startMs + (window.endMs - window.startMs) / 4));
    expect(checkSilence({ ...draft, matchers: "a=b" }, window).ok).toBe(true);
  });
});
