import { describe, expect, it } from "vitest";
import { editorHref, panelRuleHref, parsePanelParam } from "./hrefs";

describe("alerts addresses", () => {
  it("encodes group names Prometheus accepts (spaces, %, /)", () => {
    expect(editorHref("p1", "api 100%/x", { rule: 2 })).toBe("/projects/p1/alerts/api%20100%25%2Fx?rule=2");
    expect(editorHref("p1", "g", { add: "record" })).toBe("/projects/p1/alerts/g?add=record");
  });

  it("reads back the panel a rule is made from", () => {
    const href = panelRuleHref("p1", "node:exporter", 12);
    const value = new URL(href, "http://x").searchParams.get("panel") ?? undefined;
    expect(parsePanelParam(value)).toEqual({ dashboardUid: "node:exporter", panelId: 12 });
    expect(parsePanelParam("api:0")).toBeUndefined();
    expect(parsePanelParam("12")).toBeUndefined();
    expect(parsePanelParam(undefined)).toBeUndefined();
  });
});
