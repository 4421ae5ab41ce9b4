import { describe, expect, it } from "vitest";
import { goCasesTitle, goDurationString } from "./functions";
import { formatRfc3339Nano, parseRfc3339Nano } from "./rfc3339";
import { builtinTemplates, renderHtml, renderText } from "./render";
import { notificationData, ZERO_TIME } from "./template-data";

const data = notificationData(
  "team.x",
  { alertname: "Disk" },
  [
    {
      labels: { alertname: "Disk", instance: "b", job: "node" },
      annotations: { summary: "<b>full</b> & more" },
      startsAt: "2026-01-05T09:30:00.120Z",
      endsAt: ZERO_TIME,
      status: "firing",
    },
    {
      labels: { alertname: "Disk", instance: "a", job: "node" },
      annotations: { summary: "ok" },
      startsAt: "2026-01-05T09:00:00Z",
      endsAt: "2026-01-05T09:40:00Z",
      status: "resolved",
    },
  ],
  "http://am:9093",
);
const now = (): bigint => parseRfc3339Nano("2026-01-05T10:30:00.12Z");

describe("Alertmanager template data and functions", () => {
  it.each([
    ["{{ .Receiver }}", "team\\.x"],
    ["{{ .Status }} {{ len .Alerts.Firing }}/{{ len .Alerts.Resolved }}", "firing 1/1"],
    ['{{ .CommonLabels.SortedPairs.Names | join "," }}', "alertname,job"],
    ['{{ (.CommonLabels.Remove .GroupLabels.Names).Values | join "," }}', "node"],
    [
      '{{ range .Alerts }}{{ .StartsAt.Format "15:04:05.000" }} {{ .EndsAt.Year }};{{ end }}',
      "09:30:00.120 1;09:00:00.000 2026;",
    ],
    ["{{ since (index .Alerts 0).StartsAt }}", "1h0m0s"],
    ['{{ stringSlice "a" "b" | join "-" }} {{ toUpper "ß" }} {{ title "hELLO wORLD" }}', "a-b ß Hello World"],
    ['{{ reReplaceAll "(a+)" "<$1>" "caat" }} {{ match "^D" .GroupLabels.alertname }}', "c<aa>t true"],
    ['{{ date "2006-01-02" (index .Alerts 1).EndsAt }} {{ trimSpace "  x " }}', "2026-01-05 x"],
  ])("%s", (template, expected) => {
    expect(renderText(builtinTemplates(), template, data, { now })).toEqual({ ok: true, text: expected });
  });

  it("reports unknown functions at parse time and bad fields at execution, as Go words them", () => {
    expect(renderText(builtinTemplates(), "{{ humanize 3 }}", data)).toEqual({
      ok: false,
      stage: "parse",
      error: 'template: :1: function "humanize" not defined',
    });
    expect(renderText(builtinTemplates(), "{{ .Alerts.Nope }}", data)).toMatchObject({
      ok: false,
      stage: "execute",
    });
  });

  it("escapes for HTML by context, as html/template does", () => {
    const html =
      '<p title="{{ (index .Alerts 0).Annotations.summary }}">{{ (index .Alerts 0).Annotations.summary }}</p><a href="{{ .ExternalURL }}/?q={{ .Receiver }}">x</a><!-- gone -->{{ "<i>" | safeHtml }}';
    expect(renderHtml(builtinTemplates(), html, data)).toEqual({
      ok: true,
      text: '<p title="&lt;b&gt;full&lt;/b&gt; &amp; more">&lt;b&gt;full&lt;/b&gt; &amp; more</p><a href="http://am:9093/?q=team%5c.x">x</a><i>',
    });
  });

  it("prints times and durations as Go does", () => {
    expect(formatRfc3339Nano(parseRfc3339Nano("2026-01-05T09:30:00.120+02:00"))).toBe(
      "2026-01-05T07:30:00.12Z",
    );
    expect(goDurationString(1_500_000n)).toBe("1.5ms");
    expect(goDurationString(3_723_500_000_000n)).toBe("1h2m3.5s");
    expect(goCasesTitle("don't stop-me now")).toBe("Don't Stop-Me Now");
  });
});
