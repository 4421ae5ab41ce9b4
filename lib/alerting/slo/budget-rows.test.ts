import { describe, expect, it } from "vitest";
import { budgetRows, budgetText } from "./budget-rows";

describe("budget rows", () => {
  it("sorts series worst first, no traffic last", () => {
    const rows = budgetRows({
      resultType: "vector",
      result: [
        { metric: { route: "/a" }, value: [1, "0.5"] },
        { metric: { route: "/b" }, value: [1, "NaN"] },
        { metric: { route: "/c" }, value: [1, "-0.25"] },
      ],
    });
    expect(rows.map((r) => [r.labels.route, budgetText(r.left)])).toEqual([
      ["/c", "-25 %"],
      ["/a", "50 %"],
      ["/b", "no traffic"],
    ]);
  });
});
