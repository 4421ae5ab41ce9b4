import { describe, expect, it } from "vitest";
import { IDLE_AFTER_MS, RequestLimiter } from "./request-limiter";

/** A request that answers when the test says so, and records that it was sent. */
function controlled(sent: string[], name: string): { run: () => Promise<string>; answer: () => void } {
  let answer = (): void => {};
  return {
    run: () => {
      sent.push(name);
      return new Promise<string>((resolve) => {
        answer = () => resolve(name);
      });
    },
    answer: () => answer(),
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe("RequestLimiter", () => {
  it("sends at most `limit` at once and the next as one answers", async () => {
    const limiter = new RequestLimiter(2);
    const sent: string[] = [];
    const requests = ["a", "b", "c", "d"].map((name) => controlled(sent, name));
    const answers = requests.map((request) => limiter.schedule(request.run));
    expect(sent).toEqual(["a", "b"]);
    expect([limiter.active, limiter.queued]).toEqual([2, 2]);
    requests[1]?.answer();
    await settle();
    expect(sent).toEqual(["a", "b", "c"]);
    for (const request of requests) request.answer();
    await settle();
    requests[3]?.answer();
    expect(await Promise.all(answers)).toEqual(["a", "b", "c", "d"]);
    expect([limiter.active, limiter.queued]).toEqual([0, 0]);
  });

  it("sends the most urgent waiting request next, as urgent as it is when a connection frees", async () => {
    const limiter = new RequestLimiter(1);
    const sent: string[] = [];
    const first = controlled(sent, "first");
    void limiter.schedule(first.run);
    const distance: Record<string, number> = { far: 900, near: 10, visible: 0, later: 0 };
    const others = ["far", "near", "visible", "later"].map((name) => {
      const request = controlled(sent, name);
      void limiter.schedule(request.run, { priority: () => distance[name] ?? 0 });
      return request;
    });
    // Scrolled meanwhile: "far" is on screen now.
    distance.far = 0;
    first.answer();
    await settle();
    for (const request of others) request.answer();
    await settle();
    for (const request of others) request.answer();
    await settle();
    for (const request of others) request.answer();
    await settle();
    // Equals go in the order they came.
    expect(sent).toEqual(["first", "far", "visible", "later", "near"]);
  });

  it("never sends a request aborted while it waits, and rejects it with the abort's reason", async () => {
    const limiter = new RequestLimiter(1);
    const sent: string[] = [];
    const first = controlled(sent, "first");
    const running = limiter.schedule(first.run);
    const controller = new AbortController();
    const dropped = limiter.schedule(controlled(sent, "dropped").run, { signal: controller.signal });
    const kept = controlled(sent, "kept");
    const keptAnswer = limiter.schedule(kept.run);
    controller.abort(new Error("the panel left"));
    await expect(dropped).rejects.toThrow("the panel left");
    expect(limiter.queued).toBe(1);
    first.answer();
    await running;
    await settle();
    kept.answer();
    expect(await keptAnswer).toBe("kept");
    expect(sent).toEqual(["first", "kept"]);
    const late = new AbortController();
    late.abort(new Error("already gone"));
    await expect(limiter.schedule(() => Promise.resolve("x"), { signal: late.signal })).rejects.toThrow(
      "already gone",
    );
  });

  it("sends an idle request once nothing else has been in flight or waiting for a moment", async () => {
    const limiter = new RequestLimiter(4);
    const sent: string[] = [];
    // Made first, in the same instant as the others: it still waits for them.
    const lint = controlled(sent, "lint");
    const linted = limiter.schedule(lint.run, { idle: true });
    const panel = controlled(sent, "panel");
    void limiter.schedule(panel.run);
    expect(sent).toEqual(["panel"]);
    panel.answer();
    await settle();
    expect(sent).toEqual(["panel"]);
    const other = controlled(sent, "other");
    void limiter.schedule(other.run);
    other.answer();
    await settle();
    expect(sent).toEqual(["panel", "other"]);
    await new Promise((resolve) => setTimeout(resolve, IDLE_AFTER_MS + 50));
    expect(sent).toEqual(["panel", "other", "lint"]);
    lint.answer();
    expect(await linted).toBe("lint");
  });

  it("frees the slot of a request that fails, even one that throws before it is sent", async () => {
    const limiter = new RequestLimiter(1);
    await expect(limiter.schedule(() => Promise.reject(new Error("500")))).rejects.toThrow("500");
    await expect(
      limiter.schedule(() => {
        throw new Error("bad params");
      }),
    ).rejects.toThrow("bad params");
    expect(await limiter.schedule(() => Promise.resolve("ok"))).toBe("ok");
    expect(limiter.active).toBe(0);
  });
});
