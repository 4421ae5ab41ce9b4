import { describe, expect, it } from "vitest";
import { notificationSentence } from "./sentence";
import type { IntegrationCount, IntegrationRef } from "./types";

const ref = (type: IntegrationRef["type"], target: string, index = 0): IntegrationRef => ({
  receiver: `r-${type}`,
  index,
  type,
  target,
  sendResolved: true,
});

const count = (
  integration: IntegrationRef,
  messages: number,
  firingMessages = messages,
): IntegrationCount => ({
  integration,
  messages,
  firingMessages,
});

describe("notificationSentence", () => {
  it.each([
    [[], "would have sent no notifications"],
    [
      [count(ref("slack", "#alerts"), 7), count(ref("pagerduty", ""), 2)],
      "would have sent 7 Slack messages to #alerts and paged twice",
    ],
    [[count(ref("pagerduty", ""), 3, 1)], "would have paged once (and 2 resolves to PagerDuty)"],
    [
      [count(ref("email", "ops@example.com"), 1), count(ref("webhook", "hooks:9000"), 4)],
      "would have sent 4 webhook calls to hooks:9000 and sent 1 email to ops@example.com",
    ],
    // Two receivers posting to one channel are one place.
    [
      [count(ref("slack", "#alerts"), 2), count(ref("slack", "#alerts", 1), 3)],
      "would have sent 5 Slack messages to #alerts",
    ],
  ] as [IntegrationCount[], string][])("%j → %s", (counts, sentence) => {
    expect(notificationSentence(counts)).toBe(sentence);
  });
});
