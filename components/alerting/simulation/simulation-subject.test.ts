import { describe, expect, it } from "vitest";
import { simulationSubject } from "./simulation-subject";

describe("simulationSubject", () => {
  it("names the rule alone when nothing is typed", () => {
    expect(simulationSubject("HighErrorRate", false)).toBe("this rule (HighErrorRate)");
  });
  it("names the typed alert beside the rule, whose messages are counted with it", () => {
    expect(simulationSubject("HighErrorRate", true)).toBe("this rule (HighErrorRate) and the typed alert");
  });
  it("is the alert when only labels were typed", () => {
    expect(simulationSubject(undefined, true)).toBe("this alert");
  });
});
