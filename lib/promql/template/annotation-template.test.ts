import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toYaml } from "../../generate/yaml";
import { annotationTemplateProblem, renderAnnotation } from "./annotation-template";

interface Case {
  template: string;
  labels?: Record<string, string>;
  value: number;
  expected: string;
}

const app = { instance: "app:8000", job: "fraiseql" };

/** Each expected string is what Prometheus renders; the promtool test below proves it. */
const cases: Case[] = [
  { template: "plain text, no actions", value: 1, expected: "plain text, no actions" },
  { template: "{{ $labels.instance }} is down", labels: app, value: 0, expected: "app:8000 is down" },
  { template: "{{$labels.instance}}/{{$labels.job}}", labels: app, value: 0, expected: "app:8000/fraiseql" },
  { template: "{{ .Labels.job }} {{ .Value }}", labels: app, value: 3, expected: "fraiseql 3" },
  { template: "[{{ $labels.missing }}]", labels: app, value: 0, expected: "[]" },
  { template: "line one\n{{ $value }} on line two", value: 25, expected: "line one\n25 on line two" },
  { template: "{{ $value }}", value: 0.1, expected: "0.1" },
  { template: "{{ $value }}", value: 1 / 3, expected: "0.3333333333333333" },
  { template: "{{ $value }}", value: 123456, expected: "123456" },
  { template: "{{ $value }}", value: 1e6, expected: "1e+06" },
  { template: "{{ $value }}", value: 1234567, expected: "1.234567e+06" },
  { template: "{{ $value }}", value: 123456789012, expected: "1.23456789012e+11" },
  { template: "{{ $value }}", value: 0.0001, expected: "0.0001" },
  { template: "{{ $value }}", value: 0.00001, expected: "1e-05" },
  { template: "{{ $value }}", value: 1e-7, expected: "1e-07" },
  { template: "{{ $value }}", value: 5e-324, expected: "5e-324" },
  { template: "{{ $value }}", value: -75.25, expected: "-75.25" },
  { template: "{{ $value }}", value: 0, expected: "0" },
  { template: "{{ $value }}", value: Number.NaN, expected: "NaN" },
  { template: "{{ $value }}", value: Number.POSITIVE_INFINITY, expected: "+Inf" },
  { template: "{{ $value }}", value: Number.NEGATIVE_INFINITY, expected: "-Inf" },
  { template: "{{ $value | humanize }}", value: 0, expected: "0" },
  { template: "{{ $value | humanize }}", value: 1234, expected: "1.234k" },
  { template: "{{ $value | humanize }}", value: 12345, expected: "12.35k" },
  { template: "{{ $value | humanize }}", value: 1234567, expected: "1.235M" },
  { template: "{{ $value | humanize }}", value: 999.95, expected: "1000" },
  { template: "{{ $value | humanize }}", value: -1500, expected: "-1.5k" },
  { template: "{{ $value | humanize }}", value: 0.5, expected: "500m" },
  { template: "{{ $value | humanize }}", value: 0.000123, expected: "123u" },
  { template: "{{ $value | humanize }}", value: 1e30, expected: "1e+06Y" },
  { template: "{{ $value | humanize }}", value: Number.NaN, expected: "NaN" },
  { template: "{{ humanize $value }}", value: 2048, expected: "2.048k" },
  { template: "{{ $labels.size | humanize }}", labels: { size: "1234" }, value: 0, expected: "1.234k" },
  { template: "{{ $value | humanize1024 }}", value: 1, expected: "1" },
  { template: "{{ $value | humanize1024 }}", value: 0.5, expected: "0.5" },
  { template: "{{ $value | humanize1024 }}", value: 1024, expected: "1ki" },
  { template: "{{ $value | humanize1024 }}", value: 1536, expected: "1.5ki" },
  { template: "{{ $value | humanize1024 }}", value: 1073741824, expected: "1Gi" },
  { template: "{{ $value | humanize1024 }}", value: -2048, expected: "-2ki" },
  { template: "{{ $value | humanizeDuration }}", value: 0, expected: "0s" },
  { template: "{{ $value | humanizeDuration }}", value: 0.5, expected: "500ms" },
  { template: "{{ $value | humanizeDuration }}", value: 0.000123, expected: "123us" },
  { template: "{{ $value | humanizeDuration }}", value: 1.5, expected: "1.5s" },
  { template: "{{ $value | humanizeDuration }}", value: 2.485, expected: "2.485s" },
  { template: "{{ $value | humanizeDuration }}", value: 59.999, expected: "60s" },
  { template: "{{ $value | humanizeDuration }}", value: 61, expected: "1m 1s" },
  { template: "{{ $value | humanizeDuration }}", value: 3600, expected: "1h 0m 0s" },
  { template: "{{ $value | humanizeDuration }}", value: 93784.5, expected: "1d 2h 3m 4s" },
  { template: "{{ $value | humanizeDuration }}", value: -90, expected: "-1m 30s" },
  { template: "{{ $value | humanizeDuration }}", value: Number.POSITIVE_INFINITY, expected: "+Inf" },
  { template: "{{ $value | humanizePercentage }}", value: 0.05, expected: "5%" },
  { template: "{{ $value | humanizePercentage }}", value: 0.1, expected: "10%" },
  { template: "{{ $value | humanizePercentage }}", value: 0.123456, expected: "12.35%" },
  { template: "{{ $value | humanizePercentage }}", value: 0.0001, expected: "0.01%" },
  { template: "{{ $value | humanizePercentage }}", value: 2, expected: "200%" },
  { template: "{{ $value | humanizePercentage }}", value: Number.NaN, expected: "NaN%" },
  { template: '{{ printf "%.2f" $value }}', value: 0.125, expected: "0.12" },
  { template: '{{ printf "%.2f" $value }}', value: 0.375, expected: "0.38" },
  { template: '{{ printf "%.2f" $value }}', value: 1.005, expected: "1.00" },
  { template: '{{ printf "%.0f" $value }}', value: 2.5, expected: "2" },
  { template: '{{ printf "%.0f" $value }}', value: 3.5, expected: "4" },
  { template: '{{ printf "%.0f" $value }}', value: 0.5, expected: "0" },
  { template: '{{ printf "%.2f" $value }}', value: 0.009, expected: "0.01" },
  { template: '{{ printf "%.2f" $value }}', value: 0.0009, expected: "0.00" },
  { template: '{{ printf "%.2f" $value }}', value: 99.999, expected: "100.00" },
  { template: '{{ $value | printf "%.1f" }}', value: 0.25, expected: "0.2" },
  { template: '{{ printf "%f" $value }}', value: 1.5, expected: "1.500000" },
  { template: '{{ printf "%.20f" $value }}', value: 0.1, expected: "0.10000000000000000555" },
  { template: '{{ printf "%.2f" $value }}', value: Number.POSITIVE_INFINITY, expected: "+Inf" },
  { template: '{{ printf "%5.1f|" $value }}', value: Number.NaN, expected: "  NaN|" },
  { template: '{{ printf "%d" $value }}', value: 5, expected: "%!d(float64=5)" },
  { template: '{{ printf "%+d" $value }}', value: 5, expected: "%!d(float64=+5)" },
  { template: '{{ printf "%s" $value }}', value: 0.5, expected: "%!s(float64=0.5)" },
  { template: '{{ printf "%s" $labels.instance }}', labels: app, value: 0, expected: "app:8000" },
  { template: '{{ printf "%.2s" $labels.instance }}', labels: app, value: 0, expected: "ap" },
  { template: '{{ printf "%10s|" $labels.job }}', labels: app, value: 0, expected: "  fraiseql|" },
  { template: '{{ printf "%-10s|" $labels.job }}', labels: app, value: 0, expected: "fraiseql  |" },
  { template: '{{ printf "%d" $labels.job }}', labels: app, value: 0, expected: "%!d(string=fraiseql)" },
  { template: '{{ printf "%.1f" $labels.job }}', labels: app, value: 0, expected: "%!f(string=f)" },
  { template: '{{ printf "%g" $value }}', value: 100000, expected: "100000" },
  { template: '{{ printf "%g" $value }}', value: 1e21, expected: "1e+21" },
  { template: '{{ printf "%G" $value }}', value: 1e-10, expected: "1E-10" },
  { template: '{{ printf "%v" $value }}', value: 0.30000000000000004, expected: "0.30000000000000004" },
  { template: '{{ printf "%.3g" $value }}', value: 0.0001234, expected: "0.000123" },
  { template: '{{ printf "%.3g" $value }}', value: 1234, expected: "1.23e+03" },
  { template: '{{ printf "%.17g" $value }}', value: 0.1, expected: "0.10000000000000001" },
  { template: '{{ printf "%.2v" $value }}', value: 4.56789, expected: "4.6" },
  { template: '{{ printf "%e" $value }}', value: 1234.5678, expected: "1.234568e+03" },
  { template: '{{ printf "%.2e" $value }}', value: 0, expected: "0.00e+00" },
  { template: '{{ printf "%E" $value }}', value: 1e100, expected: "1.000000E+100" },
  {
    template: '{{ printf "%5.1f|%-6.1f|%+.1f" $value $value $value }}',
    value: 2.5,
    expected: "  2.5|2.5   |+2.5",
  },
  { template: '{{ printf "% .2f" $value }}', value: 1.5, expected: " 1.50" },
  { template: '{{ printf "%08.3f" $value }}', value: -4.56789, expected: "-004.568" },
  { template: '{{ printf "%06.1f" $value }}', value: 4.56789, expected: "0004.6" },
  { template: '{{ printf "%.0f%%" $value }}', value: 42, expected: "42%" },
  { template: '{{ printf "%s and %s" "a" }}', value: 0, expected: "a and %!s(MISSING)" },
  { template: '{{ printf "%.1f" $value 2.0 }}', value: 1.25, expected: "1.2%!(EXTRA float64=2)" },
  { template: '{{ printf "%.1f" 2.25 }}', value: 0, expected: "2.2" },
  { template: "{{ printf `%.1f` $value }}", value: 7, expected: "7.0" },
  { template: '{{ printf "\\"%s\\"" $labels.job }}', labels: app, value: 0, expected: '"fraiseql"' },
  {
    template: '{{ printf "%s: %.1f%%" $labels.job $value }}',
    labels: app,
    value: 12.34,
    expected: "fraiseql: 12.3%",
  },
  { template: "a  {{- $value -}}  b", value: 25, expected: "a25b" },
  { template: "a \n {{- $value }} b", value: 25, expected: "a25 b" },
  { template: "a {{ $value -}} \n b", value: 25, expected: "a 25b" },
  { template: "a {{- /* a comment */ -}} b", value: 0, expected: "ab" },
  { template: "{{/* a comment */}}x", value: 0, expected: "x" },
  { template: "{{ $value }}{{- $value }}", value: 1, expected: "11" },
  { template: '{{ "a " }}{{- "b" }}', value: 0, expected: "a b" },
  {
    template: "{{ $value | humanize }}/s on {{ $labels.instance }}",
    labels: app,
    value: 0.25,
    expected: "250m/s on app:8000",
  },
];

const errors: { template: string; labels?: Record<string, string>; message: RegExp }[] = [
  { template: "{{ toUpper $labels.job }}", message: /function "toUpper" is not supported/ },
  { template: '{{ index $labels "job" }}', message: /function "index" is not supported/ },
  { template: "{{ if gt $value 1.0 }}high{{ end }}", message: /"if" is not supported/ },
  { template: "{{ $externalLabels.env }}", message: /\$externalLabels is not supported/ },
  { template: "{{ $labels }}", message: /\$labels is not supported/ },
  { template: "{{ $value.x }}", message: /\$value\.x is not supported/ },
  { template: "{{ . }}", message: /not supported/ },
  { template: "{{ $value", message: /unclosed action/ },
  { template: "{{ }}", message: /missing value for command/ },
  { template: "{{ $value | }}", message: /missing value for command/ },
  { template: "{{ $value | $value }}", message: /can't give argument to non-function/ },
  { template: '{{ printf "%x" $value }}', message: /verb "%x" is not supported/ },
  { template: '{{ printf "%#v" $value }}', message: /flag "#" is not supported/ },
  { template: "{{ printf $value }}", message: /format string/ },
  { template: "{{ humanize }}", message: /wrong number of args for humanize: want 1 got 0/ },
  { template: "{{ humanize $value $value }}", message: /want 1 got 2/ },
  { template: "{{ $labels.job | humanize }}", labels: app, message: /ParseFloat: parsing "fraiseql"/ },
  { template: '{{ printf "%.0f" 3 }}', message: /integer constant 3/ },
  { template: "{{ $value | humanize ( }}", message: /"\(" is not supported/ },
  { template: '{{ "unterminated }}', message: /unterminated quoted string/ },
  { template: "{{/* unclosed }}", message: /unclosed comment/ },
];

describe("renderAnnotation", () => {
  it.each(cases)("$template with $value → $expected", ({ template, labels, value, expected }) => {
    expect(renderAnnotation(template, labels ?? {}, value)).toBe(expected);
  });

  it.each(errors)("rejects $template", ({ template, labels, message }) => {
    expect(() => renderAnnotation(template, labels ?? {}, 0)).toThrow(message);
    expect(annotationTemplateProblem(template)).toBeDefined();
  });

  it("reports no problem for a supported template", () => {
    expect(annotationTemplateProblem("{{ $labels.instance }}: {{ $value | humanizePercentage }}")).toBe(
      undefined,
    );
  });

  it("agrees with Prometheus: promtool renders every case to the expected text", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-annotations-"));
    try {
      const rules = cases.map((testCase, index) => ({
        alert: `Case${index}`,
        expr: `case_${index}`,
        annotations: { text: testCase.template },
      }));
      const tests = cases.map((testCase, index) => ({
        name: `case ${index}: ${testCase.template}`,
        interval: "1m",
        input_series: [
          {
            series: seriesSelector(`case_${index}`, testCase.labels ?? {}),
            values: seriesValue(testCase.value),
          },
        ],
        alert_rule_test: [
          {
            eval_time: "0m",
            alertname: `Case${index}`,
            exp_alerts: [{ exp_labels: testCase.labels ?? {}, exp_annotations: { text: testCase.expected } }],
          },
        ],
      }));
      writeFileSync(path.join(dir, "rules.yml"), toYaml({ groups: [{ name: "cases", rules }] }));
      writeFileSync(path.join(dir, "tests.yml"), toYaml({ rule_files: ["rules.yml"], tests }));
      const result = spawnSync("promtool", ["test", "rules", path.join(dir, "tests.yml")], {
        encoding: "utf8",
      });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function seriesSelector(name: string, labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return pairs.length === 0 ? name : `${name}{${pairs.join(",")}}`;
}

/** promtool's series notation spells infinities Inf / -Inf. */
function seriesValue(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return "Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}
