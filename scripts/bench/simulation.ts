/**
 * npm run bench simulation — prints figures, asserts nothing: the alert-path simulation of a
 * 7-day backtest of 20 rules (10 series each, firing a few times a day for 2 min to 3 h, as a
 * backtest's timelines give them), through a route tree by team and severity with Slack, email and
 * PagerDuty receivers and two inhibit rules, at Alertmanager's default timings.
 */
import { alertsFromTimelines } from "../../lib/alerting/simulation/from-backtest";
import { simulateAlertPath } from "../../lib/alerting/simulation/engine";
import { parseProject } from "../../lib/model";
import { seededRandom } from "../../lib/promql/testing/mutate";
import { summary } from "./stats";

const DAY_MS = 86_400_000;
const WINDOW_MS = 7 * DAY_MS;
const TEAMS = ["api", "web", "db", "search"];

function benchProject(): ReturnType<typeof parseProject> {
  return parseProject({
    name: "simulation bench",
    receivers: [
      {
        name: "default",
        integrations: [{ type: "slack", channel: "#alerts", apiUrl: { secret: "SLACK_URL" } }],
      },
      ...TEAMS.map((team) => ({
        name: `${team}-pager`,
        integrations: [
          { type: "pagerduty", routingKey: { secret: `PD_${team.toUpperCase()}` } },
          { type: "slack", channel: `#${team}-oncall`, apiUrl: { secret: "SLACK_URL" } },
        ],
      })),
      { name: "email", integrations: [{ type: "email", to: "ops@example.com" }] },
    ],
    route: {
      receiver: "default",
      groupBy: ["alertname", "team"],
      routes: [
        ...TEAMS.map((team) => ({
          receiver: `${team}-pager`,
          matchers: [
            { label: "team", value: team },
            { label: "severity", value: "critical" },
          ],
          continue: true,
        })),
        { receiver: "email", matchers: [{ label: "severity", op: "=~", value: "warning|info" }] },
      ],
    },
    inhibitRules: [
      {
        sourceMatchers: [{ label: "severity", value: "critical" }],
        targetMatchers: [{ label: "severity", value: "warning" }],
        equal: ["alertname", "instance"],
      },
      { sourceMatchers: [{ label: "alertname", value: "InstanceDown" }], equal: ["instance"] },
    ],
  });
}

function benchTimelines(): ReturnType<typeof alertsFromTimelines> {
  const random = seededRandom(7);
  const end = WINDOW_MS;
  return Array.from({ length: 20 }, (_r, rule) => {
    const alert = rule === 0 ? "InstanceDown" : `Rule${rule}`;
    const timelines = Array.from({ length: 10 }, (_s, series) => {
      const segments: { state: "firing"; fromMs: number; toMs: number; open: boolean }[] = [];
      let at = Math.floor(random() * DAY_MS);
      while (at < end) {
        const length = 120_000 + Math.floor(random() * 3 * 3_600_000);
        const to = Math.min(end, at + length);
        segments.push({ state: "firing", fromMs: at, toMs: to, open: to === end });
        at = to + Math.floor(random() * DAY_MS * 0.6);
      }
      return {
        labels: {
          alertname: alert,
          severity: rule % 3 === 0 ? "critical" : "warning",
          team: TEAMS[rule % TEAMS.length] as string,
          instance: `host-${series}`,
        },
        segments,
      };
    });
    return alertsFromTimelines(timelines, alert);
  }).flat();
}

export function benchSimulation(): void {
  const project = benchProject();
  const alerts = benchTimelines();
  const stretches = alerts.reduce((sum, alert) => sum + alert.firing.length, 0);
  const times: number[] = [];
  let result: ReturnType<typeof simulateAlertPath> | undefined;
  for (let run = 0; run < 7; run++) {
    const start = process.hrtime.bigint();
    result = simulateAlertPath({ project, alerts, startMs: 0, endMs: WINDOW_MS });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log("\n== alert-path simulation: 7-day backtest, 20 rules ==");
  console.table({
    "7 days, 20 rules": {
      alerts: alerts.length,
      "firing stretches": stretches,
      groups: result?.groups.length ?? 0,
      messages: result?.notifications.length ?? 0,
      inhibitions: result?.inhibitions.length ?? 0,
      ...summary(times.slice(2)),
    },
  });
  console.log(`  ${result?.sentence}`);
}
