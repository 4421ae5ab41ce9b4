import { describe, expect, it } from "vitest";
import { parseErrors, renderErrors } from "./field-errors";

describe("field errors", () => {
  it("finds parse errors per field in the browser, worded like Prometheus", () => {
    expect(
      parseErrors({
        alert: "X",
        expr: "up",
        labels: { ok: "{{ $labels.job }}" },
        annotations: { summary: "{{ $labels.job }", fine: "text" },
      }),
    ).toEqual({
      "annotations.summary":
        'error parsing template __alert_X: template: __alert_X:1: unexpected "}" in operand',
    });
  });

  it("keys a preview's render errors by field", () => {
    expect(
      renderErrors(
        [{ key: "team", template: "t", ok: true, text: "t" }],
        [
          {
            key: "d",
            template: "{{ .Foo }}",
            ok: false,
            text: "<error …>",
            error: "error executing template",
            stage: "execute",
          },
        ],
      ),
    ).toEqual({ "annotations.d": "error executing template" });
  });
});
