import { describe, expect, it } from "vitest";
import { seededRandom } from "../../promql/testing/mutate";
import { expandAlertTemplate, type QuerySample } from "./render";
import { promtoolRenderMismatches, type RenderCase } from "./testing/promtool-templates";

/**
 * Differential test against the real Prometheus (promtool 2.42): every template below is rendered
 * by our engine for many label sets and values, and what we render becomes the expected annotation
 * of a promtool unit test; promtool renders with Prometheus's engine and compares. A passing case
 * is byte-identical output, error messages included (`<error expanding template: …>`).
 */

const LABEL_SETS: Record<string, string>[] = [
  { instance: "host-1.example.com:9100", job: "node", severity: "critical" },
  {},
  { a: "x y", b: "ünïcödé", quote: 'say "hi"', path: "/var/lib", ip: "[2001:db8::1]:9090" },
  { instance: "10.0.0.7:8080", job: "api", le: "0.5", code: "500" },
];

const VALUES = [
  0,
  1,
  -1,
  0.1,
  0.5,
  2.5,
  1e6,
  1e21,
  1e-5,
  123456789.123,
  1.5e-7,
  1234567,
  0.000123,
  100,
  99.99,
  2 ** 53,
  -0.22222,
  3600,
  86400 * 2 + 3661,
  1435065584.128,
  0.999999,
  1e20,
  123456,
  1234567.5,
  0.0001,
  5e-324,
  1.7976931348623157e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** Templates about the value, rendered for every value. */
const VALUE_TEMPLATES = [
  "{{ $value }}",
  "{{ .Value }}",
  "{{ humanize $value }}",
  "{{ $value | humanize1024 }}",
  "{{ humanizeDuration $value }}",
  "{{ humanizePercentage $value }}",
  "{{ humanizeTimestamp $value }}",
  '{{ printf "%.2f" $value }}',
  '{{ printf "%.3g|%e|%E|%G|%8.2f|%-9.1f|%+.1e" $value $value $value $value $value $value $value }}',
  '{{ printf "%d" $value }}',
  '{{ printf "%v %s %x %05.1f % .2f %t" $value $value $value $value $value $value }}',
  '{{ printf "%.0f %.1f %.10f %.15g %.17g" $value $value $value $value $value }}',
  "{{ if gt $value 100.0 }}high{{ else if lt $value 0.0 }}negative{{ else }}ok{{ end }}",
  "{{ print $value $value }} {{ println $value }}",
  "{{ with $value }}{{ . }}{{ else }}zero{{ end }}",
  '{{ (toTime $value).Format "2006-01-02T15:04:05.000Z07:00 Mon Jan _2 3PM" }}',
  "{{ $value | toTime }}",
];

/** Templates about labels, constants, control flow and functions. */
const TEMPLATES = [
  "plain text, no actions",
  "{{ $labels }}",
  "{{ $labels.instance }} of {{ $labels.job }}",
  "{{ .Labels.instance }}{{ .Labels.missing }}|",
  '{{ index $labels "job" }}|{{ index $labels "nope" }}|',
  "{{ $externalLabels }} {{ $externalURL }} {{ .ExternalURL }}",
  "{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}",
  "{{ range $labels }}[{{ . }}]{{ else }}no labels{{ end }}",
  "{{ range $i, $x := $labels }}{{ $i }}{{ end }}",
  "{{ with $labels.instance }}on {{ . }}{{ else }}nowhere{{ end }}",
  "{{ if $labels.severity }}{{ $labels.severity | toUpper }}{{ end }}",
  "{{ if and $labels.job $labels.instance }}both{{ else if or $labels.a $labels.b }}one{{ else }}none{{ end }}",
  '{{ if not $labels.job }}no job{{ end }}{{ if eq $labels.job "node" "api" }} known{{ end }}',
  '{{ if ne $labels.job "node" }}other{{ end }}{{ if lt $labels.job "m" }} early{{ end }}',
  '{{ len $labels }} {{ len "ünï" }} {{ len $labels.instance }}',
  "{{- /* a comment */ -}}\n  {{ $labels.job -}}  ,  {{- $labels.instance }}  ",
  "  {{- $labels.job }}\n\n{{ $labels.job -}}\n\n",
  '{{ $x := 1 }}{{ $x = 2 }}{{ $x }} {{ $y := "s" }}{{ $y }}',
  "{{ 1 }} {{ 1.0 }} {{ 1e6 }} {{ 0.1 }} {{ 0x10 }} {{ 'a' }} {{ -5 }} {{ 1_000 }} {{ 0o17 }} {{ 1e21 }} {{ 3.25e-10 }}",
  '{{ true }} {{ false }} {{ "str" }} {{ `raw\\n` }} {{ "esc\\t\\"q\\"\\u00e9" }}',
  '{{ print 1 2 "a" "b" 3 }}|{{ print "x" 1 }}|{{ println 1 "a" }}',
  '{{ printf "%s-%d-%v-%q-%x-%X-%o-%b-%c-%U" "s" 42 true "q" 255 255 8 5 65 65 }}',
  '{{ printf "%d %d" 1 }}|{{ printf "%d" 1 2 }}|{{ printf "%z" 1 }}|{{ printf "%s" 1 }}|{{ printf "%d" "x" }}|{{ printf "100%%" }}|{{ printf "%" }}',
  '{{ printf "%5s|%-5s|%.2s|%05d|%-5d|%x|%q" "ab" "ab" "abcdef" 42 42 "hi" "tab\\t" }}',
  '{{ printf "%v" $labels }} {{ printf "%T %T %T" $labels 1 "x" }}',
  '{{ printf "%[2]s %[1]s" "a" "b" }}|{{ printf "%*d" 5 1 }}|{{ printf "%.*f" 2 3.14159 }}',
  '{{ html "<a href=\'x\'>&</a>" }} {{ js "it\'s <b>\\"=" }} {{ urlquery "a b&c=d/é" }}',
  '{{ "aa bb CC" | title }} {{ "aA bB" | toUpper }} {{ "AbC ÉÀ" | toLower }} {{ $labels.job | title }}',
  '{{ reReplaceAll "(a)b" "x$1" "ab" }} {{ reReplaceAll "^([^:]+):.*" "$1" $labels.instance }}',
  '{{ reReplaceAll "(?P<host>[a-z0-9-]+)\\\\..*" "${host}!" "web-1.example.com" }} {{ reReplaceAll "o" "0" "foo" }} {{ reReplaceAll "a*" "-" "baaac" }}',
  '{{ match "a+" "aa" }} {{ match "^node$" $labels.job }} {{ match "(?i)NODE" "node" }}',
  '{{ $labels.instance | stripPort }} {{ $labels.instance | stripDomain }} {{ "[2001:db8::1]:9090" | stripPort }}',
  '{{ "foo.example.com" | stripDomain }} {{ "192.0.2.1:80" | stripDomain }} {{ "192.0.2.1" | stripPort }} {{ "a:b:c" | stripPort }}',
  '{{ graphLink "rate(x[5m]) > 0" }} {{ tableLink "up{job=\\"a b\\"}" }}',
  '{{ parseDuration "1h2m10ms" }} {{ printf "%0.2f" (parseDuration "1d") }} {{ parseDuration "0" }}',
  '{{ parseDuration "5x" }}',
  '{{ define "x" }}{{ .arg0 }} {{ .arg1 }} {{ .arg2 }}{{ end }}{{ template "x" (args 1 "2") }}',
  '{{ define "lbl" }}[{{ .instance }}]{{ end }}{{ template "lbl" $labels }}{{ template "lbl" .Labels }}',
  '{{ block "b" $labels.job }}<{{ . }}>{{ end }}',
  '{{ args 1 "two" 3.5 true }}',
  '{{ "<b>" | safeHtml }} {{ safeHtml "x" | printf "%s" }}',
  "{{ range $i, $e := args 1 2 }}{{ $i }}{{ end }}",
  '{{ range $k, $v := $labels }}{{ if eq $k "job" }}{{ break }}{{ end }}{{ $k }},{{ end }}',
  '{{ range $k, $v := $labels }}{{ if eq $k "instance" }}{{ continue }}{{ end }}{{ $k }},{{ end }}',
  "{{ with $x := $labels.job }}{{ $x }}{{ end }}{{ if $y := $labels.instance }}{{ $y }}{{ end }}",
  '{{ (index $labels "job") }} {{ ($labels).job }} {{ (print "a") }}',
  "{{ .Foo }}",
  "{{ $labels.job.x }}",
  "{{ nil }}",
  '{{ humanize "one" }}',
  "{{ humanize $labels }}",
  '{{ humanize "1234567.0" }} {{ humanize1024 "1048576" }} {{ humanizeDuration "3601" }} {{ humanizePercentage "0.5" }}',
  "{{ humanize 1234567 }} {{ humanize1024 1234567 }} {{ humanizeDuration 1234567 }} {{ humanizePercentage 1 }} {{ humanizeTimestamp 0 }}",
  "{{ toUpper 1 }}",
  "{{ index $labels 1 }}",
  '{{ index "abc" 1 }} {{ index "abc" 5 }}',
  '{{ slice "abcdef" 1 3 }}',
  "{{ len 3 }}",
  '{{ lt 1 "a" }}',
  "{{ eq $labels $labels }}",
  "{{ and }}",
  '{{ and 1 0 }} {{ or 0 "" }} {{ or 0 2 }} {{ and 1 "x" }} {{ not 0 }}',
  "{{ eq 1 1.0 }}",
  '{{ query "c_0" | len }}',
  '{{ with query "nonexistent_metric" }}{{ . | first | value }}{{ else }}no data{{ end }}',
  '{{ query "nonexistent_metric" | first }}',
  '{{ $labels.job | printf "%s-%s" "pre" }}',
  '{{ $value | printf "%.1f" | printf "[%s]" }}',
  '{{ template "missing" }}',
  '{{ 1 | printf "%d %d" 2 }}',
  "{{ title }}",
  "line one\nline two {{ .Foo }}",
  '{{ "é" }} {{ .Bar }}',
  "{{ $labels.job }}\n{{ $labels.nope.deeper }}",
  "{{ (toTime 0).Unix }} {{ (toTime 1.5).UnixMilli }} {{ (toTime 86400).Year }} {{ (toTime 86400).Month }} {{ (toTime 86400).Weekday }}",
  '{{ toTime "x" }}',
];

/** Prometheus answers `query` from the test's input series; so do we, for plain metric names. */
function queryFor(cases: RenderCase[]): (expr: string) => QuerySample[] {
  return (expr) => {
    const match = /^c_(\d+)$/.exec(expr);
    const target = match ? cases[Number(match[1])] : undefined;
    if (!target) return [];
    return [{ labels: { __name__: expr, ...target.labels }, value: target.value }];
  };
}

function buildCases(): RenderCase[] {
  const random = seededRandom(20261203);
  const cases: RenderCase[] = [];
  const add = (template: string, labels: Record<string, string>, value: number): void => {
    cases.push({ template, labels, value, rendered: "" });
  };
  for (const template of VALUE_TEMPLATES) {
    for (const value of VALUES) add(template, LABEL_SETS[0] ?? {}, value);
  }
  for (const template of TEMPLATES) {
    for (const labels of LABEL_SETS) add(template, labels, VALUES[Math.floor(random() * VALUES.length)] ?? 0);
  }
  for (const c of cases) {
    // `query "c_0"` is answered from the first case's series, as promtool answers it.
    const index = cases.indexOf(c);
    c.rendered = expandAlertTemplate(
      c.template,
      // The rule's expression is the bare series, so its result keeps __name__, and so do $labels.
      {
        labels: { __name__: `c_${index}`, ...c.labels },
        value: c.value,
        externalLabels: {},
        externalURL: "",
      },
      { alertName: `A${index}`, query: queryFor(cases) },
    ).text;
  }
  return cases;
}

describe("annotation templates render exactly as Prometheus renders them", () => {
  it("agrees with promtool test rules on every generated case", () => {
    const cases = buildCases();
    expect(cases.length).toBeGreaterThan(700);
    const mismatches = promtoolRenderMismatches(cases);
    const report = [...mismatches.entries()].slice(0, 40).map(([i, text]) => {
      const got = /got:[\s\S]*?Annotations:\{a=(".*")\}/.exec(text)?.[1] ?? text;
      const c = cases[i];
      return `case ${i} ${JSON.stringify(c?.template)} labels=${JSON.stringify(c?.labels)} value=${c?.value}\n  ours:       ${JSON.stringify(c?.rendered)}\n  prometheus: ${got}`;
    });
    expect(report.join("\n\n")).toBe("");
  });
});
