import { describe, expect, it } from "vitest";
import { slackColor, slackEmoji, slackParts } from "./slack-markup";

describe("slackParts", () => {
  it.each([
    ["plain", [{ kind: "text", text: "plain" }]],
    [
      "*Disk full* now",
      [
        { kind: "bold", text: "Disk full" },
        { kind: "text", text: " now" },
      ],
    ],
    [
      "<https://g/d?x=1&y=2|:bar_chart: Dashboard>",
      [{ kind: "link", href: "https://g/d?x=1&y=2", text: ":bar_chart: Dashboard" }],
    ],
    ["<javascript:alert(1)|Runbook>", [{ kind: "text", text: "<javascript:alert(1)|Runbook>" }]],
  ])("%s", (line, parts) => {
    expect(slackParts(line)).toEqual(parts);
  });

  it("keeps markup that is not a link as text", () => {
    const parts = slackParts("<script>x</script> <img src=x>");
    expect(parts.every((p) => p.kind === "text")).toBe(true);
    expect(parts.map((p) => p.text).join("")).toBe("<script>x</script> <img src=x>");
  });

  it("names Slack's colours and refuses CSS that is not a hex colour", () => {
    expect(slackColor("danger")).toBe("#e01e5a");
    expect(slackColor("#439FE0")).toBe("#439FE0");
    expect(slackColor("red;background:url(x)")).toBe("#dddddd");
    expect(slackEmoji(":red_circle: CRITICAL :unknown:")).toBe("🔴 CRITICAL :unknown:");
  });
});
