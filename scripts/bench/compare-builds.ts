/**
 * npm run bench:compare -- <another checkout> [large] [runs]: the dashboard page of this
 * checkout's build and of another's (a `git worktree` of an older commit, with its own
 * `npm ci`), each served by its own app against one real Prometheus, loaded in turn, cold, from
 * one browser. This machine's speed drifts by a third within minutes, so two figures taken one
 * `npm run bench` apart cannot tell a 10 % change; loads taken alternately can (each build meets
 * the same drift). Prints, for each build, the figures `npm run bench -- designer` prints for
 * the 24-panel dashboard (or, with `large`, for node-exporter-full), and the ratio of the medians.
 * Nothing here asserts.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "../../lib/testing/chromium";
import { makeTempDir } from "../../lib/tools/files";
import { startDemoPrometheus } from "../demo/prometheus";
import { BENCH_PANEL_COUNT } from "./bench-dashboard";
import { createBenchProject } from "./bench-project";
import { signedInBrowser } from "./bench-session";
import { emptyDrawTimes, timeColdLoad } from "./dashboard-draw";
import { drawRows } from "./designer";
import { largeDashboardView } from "./large-dashboard";
import { ensureBuild, root, startApp } from "./server";
import { percentile } from "./stats";

const [otherArgument, ...rest] = process.argv.slice(2);
if (!otherArgument) {
  console.error("usage: npm run bench:compare -- <another checkout> [large] [runs]");
  process.exit(2);
}
const other = path.resolve(otherArgument);
if (!existsSync(path.join(other, "node_modules"))) {
  console.error(`${other} has no node_modules: run npm ci there first`);
  process.exit(2);
}
const large = rest.includes("large");
const runs = Number(rest.find((word) => /^\d+$/.test(word)) ?? (large ? 8 : 12));

ensureBuild();
ensureBuild(other);
const prometheus = await startDemoPrometheus({
  hours: 3,
  dir: makeTempDir("obsforge-compare-prom"),
  live: false,
});
const checkouts = [
  { label: `this checkout (${root})`, dir: root },
  { label: `the other (${other})`, dir: other },
];
const apps = await Promise.all(
  checkouts.map(async (checkout) => ({
    ...checkout,
    ...(await startApp({ OBSFORGE_DATA_DIR: makeTempDir("obsforge-compare-app") }, checkout.dir)),
  })),
);
const chromiumBrowser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
try {
  const setups = [];
  for (const { label, url: app } of apps) {
    const browser = await signedInBrowser(chromiumBrowser, app);
    const bench = await createBenchProject(app, prometheus.url);
    const url = large
      ? `${app}${bench.large}${await largeDashboardView(prometheus.url)}`
      : `${app}${bench.dashboard24}`;
    const panels = large
      ? bench.largeDashboard.panels.filter((panel) => panel.type !== "row").length
      : BENCH_PANEL_COUNT;
    const times = emptyDrawTimes();
    setups.push({ label, browser, url, panels, times });
  }
  for (let run = 0; run < runs; run++) {
    // Each build goes first every other round, so neither always meets the other's leftovers.
    for (const setup of run % 2 === 0 ? setups : [...setups].reverse())
      await timeColdLoad(
        setup.browser,
        setup.url,
        { panels: setup.panels, runs: 1, settled: large },
        setup.times,
      );
  }
  console.log(
    `\n${large ? "node-exporter-full" : `${BENCH_PANEL_COUNT}-panel dashboard`}, ${runs} cold loads of each build, alternately`,
  );
  console.table(setups.flatMap((setup) => drawRows(setup.label, setup.times)));
  const [mine, theirs] = setups;
  if (mine && theirs)
    for (const figure of ["firstPainted", "firstScreen", "all"] as const) {
      const ratio = percentile(mine.times[figure], 0.5) / percentile(theirs.times[figure], 0.5);
      console.log(`${figure}: this checkout / the other, medians: ${ratio.toFixed(2)}×`);
    }
} finally {
  await chromiumBrowser.close();
  await Promise.all(apps.map((app) => app.server.stop()));
  await prometheus.stop();
}
