/**
 * npm run bench routing — prints figures, asserts nothing: 10,000 label sets routed through a
 * 50-node route tree (7 team routes with regex matchers, each with 6 children by severity, service
 * and environment, some with continue), the routing tree built once, as "Who gets this alert?"
 * does for a batch. Aim: well under a second.
 */
import { resolveRouteTree, routeReceivers } from "../../lib/alerting/routing/route-tree";
import { randomLabelSet } from "../../lib/alerting/routing/testing/random-routing";
import { type RouteInput, RouteSchema } from "../../lib/model";
import { seededRandom } from "../../lib/promql/testing/mutate";
import { summary } from "./stats";

const TEAMS = ["api", "web", "db", "API", "api-v2", "search", "auth"];

function benchTree(): RouteInput {
  return {
    receiver: "root",
    groupBy: ["alertname"],
    routes: TEAMS.map((team, t) => ({
      receiver: `team-${t}`,
      matchers: [{ label: "team", op: "=~", value: `(?i)${team}|${team}-.*` }],
      continue: t % 3 === 0,
      routes: [
        {
          receiver: `team-${t}-pager`,
          matchers: [{ label: "severity", op: "=", value: "critical" }],
          continue: true,
        },
        {
          receiver: `team-${t}-slack`,
          matchers: [{ label: "severity", op: "=~", value: "critical|warning" }],
        },
        { receiver: `team-${t}-checkout`, matchers: [{ label: "service", op: "=~", value: "check.*" }] },
        { matchers: [{ label: "env", op: "!~", value: "prod.*" }], receiver: "null" },
        {
          receiver: `team-${t}-eu`,
          matchers: [{ label: "region", op: "=~", value: "eu-.*" }],
          groupWait: "10s",
        },
        { receiver: `team-${t}-info`, matchers: [{ label: "severity", op: "!=", value: "" }] },
      ],
    })),
  };
}

function countNodes(route: RouteInput): number {
  return 1 + (route.routes ?? []).reduce((sum, child) => sum + countNodes(child), 0);
}

export function benchRouting(): void {
  const input = benchTree();
  const route = RouteSchema.parse(input);
  const random = seededRandom(10_000);
  const sets = Array.from({ length: 10_000 }, () => randomLabelSet(random));
  const times: number[] = [];
  let receivers = 0;
  for (let run = 0; run < 12; run++) {
    const start = process.hrtime.bigint();
    const tree = resolveRouteTree(route);
    receivers = 0;
    for (const labels of sets) receivers += routeReceivers(tree, labels).length;
    if (run >= 2) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log("\nRouting: 10,000 label sets through one route tree (10 runs after 2 warm-ups)");
  console.table([
    { tree: `${countNodes(input)} nodes`, "label sets": sets.length, receivers, ...summary(times) },
  ]);
}
