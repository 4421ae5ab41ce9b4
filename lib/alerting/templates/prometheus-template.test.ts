import { describe, expect, it } from "vitest";
import { queryResultType } from "./prometheus-functions";
import { expandGoTemplate, type QuerySample } from "./render";
import { type GoType, goFloat, goInt, goString, INVALID, sliceOf, T, type Value } from "./values";

/**
 * The text-mode cases of Prometheus 2.42's own template/template_test.go (TestTemplateExpansion),
 * with its inputs and expected outputs and error messages as written there. HTML-mode cases are
 * left out: Prometheus renders alert templates in text mode.
 */

const slice = (elem: GoType, items: Value[]): Value => ({ type: sliceOf(elem), v: items });
const floats = (xs: number[]): Value => slice(T.float64, xs.map(goFloat));
const strings = (xs: string[]): Value =>
  slice(
    T.string,
    xs.map((x) => goString(x)),
  );
const ints = (type: GoType, xs: bigint[]): Value =>
  slice(
    type,
    xs.map((x) => goInt(x, type)),
  );

const MAX_INT64 = 9223372036854775807n;
const MIN_INT64 = -9223372036854775808n;
const MAX_UINT64 = 18446744073709551615n;

interface Scenario {
  text: string;
  output?: string;
  input?: Value;
  queryResult?: QuerySample[];
  errorMsg?: string;
}

const metric = (labels: Record<string, string>, value: number): QuerySample => ({
  labels: { __name__: "metric", ...labels },
  value,
});

const SCENARIOS: Scenario[] = [
  { text: "plain text", output: "plain text" },
  { text: "{{ 1 }}", output: "1" },
  {
    text: "{{\u00a0}}",
    errorMsg: "error parsing template test: template: test:1: unrecognized character in action: U+00A0",
  },
  { text: '{{ "<b>" }}', output: "<b>" },
  { text: '{{define "x"}}{{.arg0}} {{.arg1}}{{end}}{{template "x" (args 1 "2")}}', output: "1 2" },
  { text: '{{ query "1.5" | first | value }}', output: "1.5", queryResult: [{ labels: {}, value: 1.5 }] },
  {
    text: "{{ query \"metric{instance='a'}\" | first | value }}",
    queryResult: [metric({ instance: "a" }, 11)],
    output: "11",
  },
  {
    text: '{{ query "metric{instance=\'a\'}" | first | label "instance" }}',
    queryResult: [metric({ instance: "a" }, 11)],
    output: "a",
  },
  {
    text: "{{ query \"metric{__value__='a'}\" | first | strvalue }}",
    queryResult: [metric({ __value__: "a" }, 11)],
    output: "a",
  },
  {
    text: '{{ query "metric{instance=\'a\'}" | first | label "foo" }}',
    queryResult: [metric({ instance: "a" }, 11)],
    output: "",
  },
  {
    text: '{{ $x := query "metric" | first }}{{ $x.Labels.foo }}',
    queryResult: [metric({ instance: "a" }, 11)],
    output: "",
  },
  {
    text: '{{ range query "metric" | sortByLabel "instance" }}{{.Labels.instance}}:{{.Value}}: {{end}}',
    queryResult: [metric({ instance: "b" }, 21), metric({ instance: "a" }, 11)],
    output: "a:11: b:21: ",
  },
  { text: '{{ "foo.example.com" | stripPort }}', output: "foo.example.com" },
  { text: '{{ "foo.example.com:12345" | stripPort }}', output: "foo.example.com" },
  { text: '{{ "192.0.2.1" | stripPort }}', output: "192.0.2.1" },
  { text: '{{ "192.0.2.1:12345" | stripPort }}', output: "192.0.2.1" },
  { text: '{{ "2001:0DB8::1" | stripPort }}', output: "2001:0DB8::1" },
  { text: '{{ "[2001:0DB8::1]:12345" | stripPort }}', output: "2001:0DB8::1" },
  { text: '{{ "[2001:0DB8::1]::12345" | stripPort }}', output: "[2001:0DB8::1]::12345" },
  { text: "{{ .Foo }}", output: "<no value>" },
  { text: "{{", errorMsg: "error parsing template test: template: test:1: unclosed action" },
  {
    text: '{{ query "missing" | first }}',
    queryResult: [],
    errorMsg:
      'error executing template test: template: test:1:21: executing "test" at <first>: error calling first: first() called on vector with no elements',
  },
  {
    text: '{{ (query "missing").banana }}',
    queryResult: [],
    errorMsg:
      'error executing template test: template: test:1:10: executing "test" at <"missing">: can\'t evaluate field banana in type template.queryResult',
  },
  { text: '{{ reReplaceAll "(a)b" "x$1" "ab" }}', output: "xa" },
  {
    text: "{{ range . }}{{ humanize . }}:{{ end }}",
    input: floats([0.0, 1.0, 1234567.0, 0.12]),
    output: "0:1:1.235M:120m:",
  },
  {
    text: "{{ range . }}{{ humanize . }}:{{ end }}",
    input: strings(["0.0", "1.0", "1234567.0", ".12"]),
    output: "0:1:1.235M:120m:",
  },
  {
    text: '{{ humanize "one" }}',
    errorMsg:
      'error executing template test: template: test:1:3: executing "test" at <humanize "one">: error calling humanize: strconv.ParseFloat: parsing "one": invalid syntax',
  },
  {
    text: "{{ range . }}{{ humanize . }}:{{ end }}",
    input: ints(T.int64, [0n, -1n, 1n, 1234567n, MAX_INT64]),
    output: "0:-1:1:1.235M:9.223E:",
  },
  {
    text: "{{ range . }}{{ humanize . }}:{{ end }}",
    input: ints(T.uint64, [0n, 1n, 1234567n, MAX_UINT64]),
    output: "0:1:1.235M:18.45E:",
  },
  {
    text: "{{ range . }}{{ humanize1024 . }}:{{ end }}",
    input: floats([0.0, 1.0, 1048576.0, 0.12]),
    output: "0:1:1Mi:0.12:",
  },
  {
    text: "{{ range . }}{{ humanize1024 . }}:{{ end }}",
    input: strings(["0.0", "1.0", "1048576.0", ".12"]),
    output: "0:1:1Mi:0.12:",
  },
  {
    text: '{{ humanize1024 "one" }}',
    errorMsg:
      'error executing template test: template: test:1:3: executing "test" at <humanize1024 "one">: error calling humanize1024: strconv.ParseFloat: parsing "one": invalid syntax',
  },
  {
    text: "{{ range . }}{{ humanize1024 . }}:{{ end }}",
    input: ints(T.int64, [0n, -1n, 1n, 1234567n, MAX_INT64]),
    output: "0:-1:1:1.177Mi:8Ei:",
  },
  {
    text: "{{ range . }}{{ humanize1024 . }}:{{ end }}",
    input: ints(T.uint64, [0n, 1n, 1234567n, MAX_UINT64]),
    output: "0:1:1.177Mi:16Ei:",
  },
  {
    text: "{{ range . }}{{ humanizeDuration . }}:{{ end }}",
    input: floats([0, 1, 60, 3600, 86400, 86400 + 3600, -(86400 * 2 + 3600 * 3 + 60 * 4 + 5), 899.99]),
    output: "0s:1s:1m 0s:1h 0m 0s:1d 0h 0m 0s:1d 1h 0m 0s:-2d 3h 4m 5s:14m 59s:",
  },
  {
    text: "{{ range . }}{{ humanizeDuration . }}:{{ end }}",
    input: strings(["0", "1", "60", "3600", "86400"]),
    output: "0s:1s:1m 0s:1h 0m 0s:1d 0h 0m 0s:",
  },
  {
    text: "{{ range . }}{{ humanizeDuration . }}:{{ end }}",
    input: floats([0.1, 0.0001, 0.12345, 60.1, 60.5, 1.2345, 12.345]),
    output: "100ms:100us:123.5ms:1m 0s:1m 0s:1.234s:12.35s:",
  },
  {
    text: "{{ range . }}{{ humanizeDuration . }}:{{ end }}",
    input: strings([".1", ".0001", ".12345", "60.1", "60.5", "1.2345", "12.345"]),
    output: "100ms:100us:123.5ms:1m 0s:1m 0s:1.234s:12.35s:",
  },
  {
    text: '{{ humanizeDuration "one" }}',
    errorMsg:
      'error executing template test: template: test:1:3: executing "test" at <humanizeDuration "one">: error calling humanizeDuration: strconv.ParseFloat: parsing "one": invalid syntax',
  },
  {
    text: "{{ range . }}{{ humanizeDuration . }}:{{ end }}",
    input: ints(T.int, [0n, -1n, 1n, 1234567n]),
    output: "0s:-1s:1s:14d 6h 56m 7s:",
  },
  {
    text: "{{ range . }}{{ humanizeDuration . }}:{{ end }}",
    input: ints(T.uint, [0n, 1n, 1234567n]),
    output: "0s:1s:14d 6h 56m 7s:",
  },
  {
    text: "{{ range . }}{{ humanize . }}:{{ humanize1024 . }}:{{ humanizeDuration . }}:{{humanizeTimestamp .}}:{{ end }}",
    input: floats([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]),
    output: "+Inf:+Inf:+Inf:+Inf:-Inf:-Inf:-Inf:-Inf:NaN:NaN:NaN:NaN:",
  },
  {
    text: "{{ range . }}{{ humanize . }}:{{ humanize1024 . }}:{{ humanizeDuration . }}:{{humanizeTimestamp .}}:{{ end }}",
    input: strings(["+Inf", "-Inf", "NaN"]),
    output: "+Inf:+Inf:+Inf:+Inf:-Inf:-Inf:-Inf:-Inf:NaN:NaN:NaN:NaN:",
  },
  {
    text: "{{ -0.22222 | humanizePercentage }}:{{ 0.0 | humanizePercentage }}:{{ 0.1234567 | humanizePercentage }}:{{ 1.23456 | humanizePercentage }}",
    output: "-22.22%:0%:12.35%:123.5%",
  },
  {
    text: "{{ range . }}{{ humanizePercentage . }}:{{ end }}",
    input: ints(T.int64, [0n, -1n, 1n, 1234567n, MAX_INT64]),
    output: "0%:-100%:100%:1.235e+08%:9.223e+20%:",
  },
  {
    text: "{{ range . }}{{ humanizePercentage . }}:{{ end }}",
    input: ints(T.uint64, [0n, 1n, 1234567n, MAX_UINT64]),
    output: "0%:100%:1.235e+08%:1.845e+21%:",
  },
  {
    text: '{{ "-0.22222" | humanizePercentage }}:{{ "0.0" | humanizePercentage }}:{{ "0.1234567" | humanizePercentage }}:{{ "1.23456" | humanizePercentage }}',
    output: "-22.22%:0%:12.35%:123.5%",
  },
  {
    text: '{{ "one" | humanizePercentage }}',
    errorMsg:
      'error executing template test: template: test:1:11: executing "test" at <humanizePercentage>: error calling humanizePercentage: strconv.ParseFloat: parsing "one": invalid syntax',
  },
  {
    text: "{{ range . }}{{ humanizeTimestamp . }}:{{ end }}",
    input: ints(T.int64, [0n, -1n, 1n, 1234567n, 9223372036n]),
    output:
      "1970-01-01 00:00:00 +0000 UTC:1969-12-31 23:59:59 +0000 UTC:1970-01-01 00:00:01 +0000 UTC:1970-01-15 06:56:07 +0000 UTC:2262-04-11 23:47:16 +0000 UTC:",
  },
  {
    text: "{{ range . }}{{ humanizeTimestamp . }}:{{ end }}",
    input: ints(T.uint64, [0n, 1n, 1234567n, 9223372036n]),
    output:
      "1970-01-01 00:00:00 +0000 UTC:1970-01-01 00:00:01 +0000 UTC:1970-01-15 06:56:07 +0000 UTC:2262-04-11 23:47:16 +0000 UTC:",
  },
  {
    text: "{{ range . }}{{ humanizeTimestamp . }}:{{ end }}",
    input: ints(T.int64, [MIN_INT64, MAX_INT64]),
    errorMsg:
      'error executing template test: template: test:1:16: executing "test" at <humanizeTimestamp .>: error calling humanizeTimestamp: -9.223372036854776e+18 cannot be represented as a nanoseconds timestamp since it overflows int64',
  },
  {
    text: "{{ range . }}{{ humanizeTimestamp . }}:{{ end }}",
    input: ints(T.uint64, [MAX_UINT64]),
    errorMsg:
      'error executing template test: template: test:1:16: executing "test" at <humanizeTimestamp .>: error calling humanizeTimestamp: 1.8446744073709552e+19 cannot be represented as a nanoseconds timestamp since it overflows int64',
  },
  { text: "{{ 1435065584.128 | humanizeTimestamp }}", output: "2015-06-23 13:19:44.128 +0000 UTC" },
  { text: '{{ "1435065584.128" | humanizeTimestamp }}', output: "2015-06-23 13:19:44.128 +0000 UTC" },
  { text: '{{ (1435065584.128 | toTime).Format "2006" }}', output: "2015" },
  { text: '{{ ("1435065584.128" | toTime).Format "2006" }}', output: "2015" },
  { text: '{{ "aa bb CC" | title }}', output: "Aa Bb CC" },
  { text: '{{ "aa bb CC" | toUpper }}', output: "AA BB CC" },
  { text: '{{ "aA bB CC" | toLower }}', output: "aa bb cc" },
  { text: '{{ match "a+" "aa" }} {{ match "a+" "b" }}', output: "true false" },
  { text: '{{ graphLink "up" }}', output: "/graph?g0.expr=up&g0.tab=0" },
  { text: '{{ tableLink "up" }}', output: "/graph?g0.expr=up&g0.tab=1" },
  { text: "{{ pathPrefix }}", output: "/path/prefix" },
  { text: "{{ externalURL }}", output: "http://testhost:9090/path/prefix" },
  { text: '{{ printf "%0.2f" (parseDuration "1h2m10ms") }}', output: "3720.01" },
  { text: '{{ "foo.example.com" | stripDomain }}', output: "foo" },
  { text: '{{ "foo.example.com:12345" | stripDomain }}', output: "foo:12345" },
  { text: '{{ "192.0.2.1" | stripDomain }}', output: "192.0.2.1" },
  { text: '{{ "192.0.2.1:12345" | stripDomain }}', output: "192.0.2.1:12345" },
  { text: '{{ "2001:0DB8::1" | stripDomain }}', output: "2001:0DB8::1" },
  { text: '{{ "[2001:0DB8::1]:12345" | stripDomain }}', output: "[2001:0DB8::1]:12345" },
  { text: '{{ "[2001:0DB8::1]::12345" | stripDomain }}', output: "[2001:0DB8::1]::12345" },
];

describe("Prometheus's own template expansion cases", () => {
  it.each(SCENARIOS.map((s, i) => [i, s] as const))("case %i", (_, s) => {
    const result = expandGoTemplate("test", s.text, s.input ?? INVALID, {
      query: () => s.queryResult ?? [],
      webExternalURL: "http://testhost:9090/path/prefix",
    });
    if (s.errorMsg !== undefined) {
      expect(result.ok ? result.text : result.error).toBe(s.errorMsg);
    } else {
      expect(result.ok ? result.text : result.error).toBe(s.output);
    }
  });

  it("gives query results the type Prometheus names in errors", () => {
    expect(queryResultType.name).toBe("template.queryResult");
  });
});
