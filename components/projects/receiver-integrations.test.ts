import { describe, expect, it } from "vitest";
import { ReceiverSchema } from "@/lib/model/alertmanager";
import { integrationRows } from "./receiver-integrations";

describe("integrationRows", () => {
  it("lists the integrations kept as imported beside the edited ones", () => {
    expect(
      integrationRows(
        ReceiverSchema.parse({
          name: "team-X-pager",
          integrations: [{ type: "pagerduty", routingKey: { secret: "KEY" }, sendResolved: true }],
          verbatim: [
            { key: "email_configs", config: { to: "team-X+alerts@example.org" } },
            { key: "opsgenie_configs", config: {} },
          ],
        }),
      ),
    ).toEqual([
      { type: "pagerduty", detail: "routing key from KEY" },
      { type: "email", detail: "kept as imported" },
      { type: "opsgenie", detail: "kept as imported" },
    ]);
  });
  it("is empty only for a receiver that sends nowhere", () => {
    expect(integrationRows(ReceiverSchema.parse({ name: "blackhole" }))).toEqual([]);
  });
});
