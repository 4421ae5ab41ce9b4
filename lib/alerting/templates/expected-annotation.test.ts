import { describe, expect, it } from "vitest";
import { expectedAnnotation } from "./expected-annotation";

describe("expectedAnnotation", () => {
  it("renders what promtool expects, the templates the old subset refused included", () => {
    expect(expectedAnnotation("{{ $labels }} {{ humanize $value }}", { job: "a" }, 1234567)).toBe(
      "map[job:a] 1.235M",
    );
    expect(
      expectedAnnotation('{{ with query "up" }}{{ . | first | value }}{{ else }}none{{ end }}', {}, 0),
    ).toBe("none");
    expect(
      expectedAnnotation('{{ query "up" | first | label "job" }}', {}, 0, {
        query: () => [{ labels: { __name__: "up", job: "node" }, value: 1 }],
      }),
    ).toBe("node");
  });

  it("writes a failure as Prometheus writes it into the annotation", () => {
    expect(expectedAnnotation("{{ .Foo }}", {}, 0, { alertName: "X" })).toMatch(
      /^<error expanding template: error executing template __alert_X: template: __alert_X:1:\d+: executing "__alert_X" at <\.Foo>: can't evaluate field Foo in type struct/,
    );
  });
});
