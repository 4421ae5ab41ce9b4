import { describe, expect, it } from "vitest";
import { seededRandom } from "../../promql/testing/mutate";
import { alertTemplateParseError } from "./render";
import { promtoolTemplateParseErrors } from "./testing/promtool-templates";
import { mutateTemplate, TEMPLATES, VALUE_TEMPLATES } from "./testing/template-corpus";

/**
 * Differential test of template parsing against `promtool check rules` (Prometheus 2.42): the
 * corpus templates, hand-written broken ones, and seeded mutations of all of them. promtool must
 * refuse exactly the templates we refuse, with the same message.
 */

const BROKEN = [
  "{{",
  "{{ }",
  "}}{{",
  "{{ }}",
  "{{ if }}",
  "{{ if $value }}x",
  "{{ end }}",
  "{{ else }}",
  "{{ range }}{{ end }}",
  "{{ with $labels }}{{ else }}{{ else }}{{ end }}",
  "{{ $x }}",
  "{{ $x = 1 }}",
  "{{ nofunc }}",
  "{{ .a.b. }}",
  "{{ 1.2.3 }}",
  "{{ 1e400 }}",
  "{{ 99999999999999999999 }}",
  "{{ 089 }}",
  "{{ 0x }}",
  "{{ 'ab' }}",
  "{{ '' }}",
  '{{ "unterminated }}',
  "{{ `raw }}",
  '{{ "bad \\q escape" }}',
  "{{ /* unclosed comment }}",
  "{{ /* comment */ x }}",
  "{{ ( }}",
  "{{ ) }}",
  "{{ (1 }}",
  "{{ 1 | 2 }}",
  "{{ $labels | }}",
  "{{ | $labels }}",
  '{{ printf "%s" $labels. }}',
  "{{ $labels.job% }}",
  "{{ $labels :== 1 }}",
  "{{ $a, $b := $labels }}",
  "{{ range $a, $b, $c := $labels }}{{ end }}",
  "{{ range $a, 1 := $labels }}{{ end }}",
  "{{ break }}",
  "{{ continue }}",
  "{{ range $labels }}{{ break 1 }}{{ end }}",
  '{{ define "x" }}',
  "{{ define x }}{{ end }}",
  '{{ define "x" }}a{{ end }}{{ define "x" }}b{{ end }}',
  "{{ template }}",
  "{{ template x }}",
  '{{ block "b" }}{{ end }}',
  "{{ .Foo.Bar | nil }}",
  "{{ true.x }}",
  '{{ "s".x }}',
  "{{ nil.x }}",
  "{{ if $value }}a{{ else if }}b{{ end }}",
  "{{ if 1 }}{{ else if 2 }}{{ else with 3 }}{{ end }}",
  "{{ with 1 }}{{ else if 2 }}{{ end }}",
  "{{ $value \u00a0}}",
  "{{ 1 }}\n{{ if }}\n",
  "line1\nline2\n{{ $labels.\n job }}",
  "{{ $labels\n.job }}",
  "{{- }}",
  "{{ -}}",
  "{{-1}}",
  "{{ 1 -}}{{- 2 }}",
  "{{ @ }}",
  "{{ # }}",
  "{{ ; }}",
  "{{ 1+2i }}",
  "{{ 1+2 }}",
  "{{ .x:y }}",
  "{{ $ }}",
  "{{ . }}",
  "{{ $.Labels }}",
];

function corpus(): string[] {
  const random = seededRandom(20261204);
  const base = [...TEMPLATES, ...VALUE_TEMPLATES, ...BROKEN];
  const all = new Set(base);
  for (const template of base) {
    for (let i = 0; i < 12; i++) all.add(mutateTemplate(template, random));
  }
  return [...all];
}

describe("template parse errors are exactly Prometheus's", () => {
  it("refuses what promtool check rules refuses, with its message", () => {
    const templates = corpus();
    const theirs = promtoolTemplateParseErrors(templates);
    const ours = templates.map((t, i) =>
      alertTemplateParseError(t, `P${i}`)?.replace(/^error parsing template __alert_P\d+: /, ""),
    );
    const disagreements = templates.flatMap((template, i) =>
      ours[i] === theirs.get(i)
        ? []
        : [
            `${JSON.stringify(template)}\n  ours:     ${ours[i] ?? "accepted"}\n  promtool: ${theirs.get(i) ?? "accepted"}`,
          ],
    );
    expect(templates.length).toBeGreaterThan(1800);
    expect(theirs.size).toBeGreaterThan(600);
    expect(disagreements.slice(0, 30).join("\n")).toBe("");
  });
});
