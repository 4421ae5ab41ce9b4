/**
 * Sharing under load (issue 11): two app processes on one PostgreSQL, as behind a load balancer,
 * every client alternating between them.
 * (a) 1,000 racing whole-project saves on one project from 50 clients: each save from the version
 *     the client last saw (a 409 tells it the new one); successes, 409s, and that the project's
 *     revisions grew by exactly the successes.
 * (b) 1,000 section saves from 50 clients, each on its own dashboard of one project: all land.
 * (c) Sign-in latency, idle and while (a) and (b) run.
 * Real processes on loopback only (lib/testing/faults). Nothing here asserts: each figure is
 * printed beside its aim.
 */
import { performance } from "node:perf_hooks";
import { type AppProcess, startAppProcess } from "../../lib/testing/faults/app-process";
import { apiRequest } from "../../lib/testing/faults/client";
import { startPostgresServer } from "../../lib/testing/faults/postgres-server";
import { missingSaves, runSectionLoad } from "../../lib/testing/faults/section-load";
import { summary } from "./stats";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SAVES = Number(process.env.BENCH_SAVES ?? 1000);
const SAVES_PER_CLIENT = Math.ceil(SAVES / CLIENTS);
/** Sign-in clients running beside a load, each signing in again and again. */
const SIGN_IN_CLIENTS = 5;
/** The account the fault harness's client signs up as on a fresh database (lib/testing/faults/client.ts). */
const ACCOUNT = { email: "faults@obsforge.test", password: "faults-test-password" };
const SIGN_IN_AIM_MS = 1000;

interface Project {
  id: string;
  version: number;
  project: { name: string; dashboards: { uid: string }[] } & Record<string, unknown>;
}

async function revisionCount(app: string, id: string): Promise<number> {
  const answer = await apiRequest(app, `/api/projects/${id}/revisions`);
  if (answer.status !== 200) throw new Error(`reading revisions: ${answer.status}`);
  return (answer.body as unknown[]).length;
}

async function newProject(app: string, name: string): Promise<Project> {
  const created = await apiRequest(app, "/api/projects", {
    method: "POST",
    body: { template: "enterprise", name },
  });
  if (created.status !== 201) throw new Error(`creating a project: ${created.status}`);
  return created.body as Project;
}

let signInAddress = 0;

/**
 * Signs in once, timed. Each attempt comes from an address of its own (X-Forwarded-For, as a
 * proxy in front reports clients): the per-address limit is for guessing, not what is measured.
 */
async function timedSignIn(app: string): Promise<{ ms: number; status: number }> {
  signInAddress++;
  const address = `10.${(signInAddress >> 16) & 255}.${(signInAddress >> 8) & 255}.${signInAddress & 255}`;
  const started = performance.now();
  const response = await fetch(`${app}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app, "x-forwarded-for": address },
    body: JSON.stringify(ACCOUNT),
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

interface SignIns {
  times: number[];
  refused: string[];
}

/** Sign-ins by SIGN_IN_CLIENTS clients, one after another each, until `done` settles. */
async function signInsDuring(apps: string[], done: Promise<unknown>): Promise<SignIns> {
  const result: SignIns = { times: [], refused: [] };
  let running = true;
  void done.finally(() => {
    running = false;
  });
  await Promise.all(
    Array.from({ length: SIGN_IN_CLIENTS }, async (_, c) => {
      for (let n = 0; running; n++) {
        const { ms, status } = await timedSignIn(apps[(c + n) % apps.length] as string);
        if (status === 200) result.times.push(ms);
        else result.refused.push(String(status));
      }
    }),
  );
  return result;
}

interface RacingResult {
  successes: number;
  conflicts: number;
  others: string[];
  saveTimes: number[];
  seconds: number;
  revisionsAdded: number;
  versionsAdded: number;
}

/**
 * (a) Each client saves the whole project SAVES_PER_CLIENT times, each from the version it last
 * saw, with a message (a revision of its own, never coalesced); a 409 gives the current version.
 */
async function racingSaves(apps: string[], created: Project): Promise<RacingResult> {
  const revisionsBefore = await revisionCount(apps[0] as string, created.id);
  const result: RacingResult = {
    successes: 0,
    conflicts: 0,
    others: [],
    saveTimes: [],
    seconds: 0,
    revisionsAdded: 0,
    versionsAdded: 0,
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      let version = created.version;
      for (let n = 0; n < SAVES_PER_CLIENT; n++) {
        const message = `client ${c} save ${n}`;
        const before = performance.now();
        const answer = await apiRequest(
          apps[(c + n) % apps.length] as string,
          `/api/projects/${created.id}`,
          {
            method: "PUT",
            body: { version, project: { ...created.project, name: message }, message },
          },
        );
        result.saveTimes.push(performance.now() - before);
        if (answer.status === 200) {
          result.successes++;
          version = answer.body.version;
        } else if (answer.status === 409) {
          result.conflicts++;
          version = answer.body.currentVersion;
        } else result.others.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 120)}`);
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  const stored = await apiRequest(apps[1] as string, `/api/projects/${created.id}`);
  result.versionsAdded = stored.body.version - created.version;
  result.revisionsAdded = (await revisionCount(apps[1] as string, created.id)) - revisionsBefore;
  return result;
}

/** (b) A project with one dashboard per client, each client saving its own SAVES_PER_CLIENT times. */
async function sectionSaves(apps: string[], created: Project) {
  const uids = created.project.dashboards.map((dashboard) => dashboard.uid).slice(0, CLIENTS);
  for (let i = uids.length; i < CLIENTS; i++) {
    const added = await apiRequest(apps[i % 2] as string, `/api/projects/${created.id}/dashboards`, {
      method: "POST",
      body: { title: `Client ${i}` },
    });
    if (added.status !== 201) throw new Error(`adding a dashboard: ${added.status}`);
    uids.push(added.body.content.uid);
  }
  const before = await apiRequest(apps[0] as string, `/api/projects/${created.id}`);
  const revisionsBefore = await revisionCount(apps[0] as string, created.id);
  const started = performance.now();
  const load = await runSectionLoad({
    apps: () => apps,
    projectId: created.id,
    uids,
    savesPerClient: SAVES_PER_CLIENT,
  });
  const seconds = (performance.now() - started) / 1000;
  const after = await apiRequest(apps[1] as string, `/api/projects/${created.id}`);
  return {
    load,
    seconds,
    missing: await missingSaves(apps[1] as string, created.id, load),
    versionsAdded: after.body.version - before.body.version,
    revisionsAdded: (await revisionCount(apps[1] as string, created.id)) - revisionsBefore,
  };
}

function signInRow(label: string, signIns: SignIns): Record<string, string | number> {
  return {
    "sign-in": label,
    "sign-ins": signIns.times.length,
    refused:
      signIns.refused.length === 0 ? 0 : `${signIns.refused.length} (${[...new Set(signIns.refused)]})`,
    ...summary(signIns.times),
    aim: `p95 < ${SIGN_IN_AIM_MS} ms`,
  };
}

export async function benchSharing(): Promise<void> {
  const postgres = startPostgresServer();
  const processes: AppProcess[] = [];
  try {
    // One at a time: the first applies the migrations the second then finds applied.
    processes.push(await startAppProcess({ url: postgres.url }));
    processes.push(await startAppProcess({ url: postgres.url }));
    const apps = processes.map((app) => app.url);
    // Signs the account up (the first of the fresh database) through the first process.
    const racing = await newProject(apps[0] as string, "Racing");
    const sections = await newProject(apps[1] as string, "Sections");

    const idle: SignIns = { times: [], refused: [] };
    for (let n = 0; n < 20; n++) {
      const { ms, status } = await timedSignIn(apps[n % 2] as string);
      if (status === 200) idle.times.push(ms);
      else idle.refused.push(String(status));
    }

    const racingRun = racingSaves(apps, racing);
    const [a, duringA] = await Promise.all([racingRun, signInsDuring(apps, racingRun)]);
    const sectionRun = sectionSaves(apps, sections);
    const [b, duringB] = await Promise.all([sectionRun, signInsDuring(apps, sectionRun)]);

    console.log(
      `\nSharing: ${CLIENTS} clients across 2 app processes on one PostgreSQL, ${SAVES_PER_CLIENT} saves each`,
    );
    console.table([
      {
        load: "(a) racing whole-project saves",
        attempts: a.successes + a.conflicts + a.others.length,
        successes: a.successes,
        "409s": a.conflicts,
        "other answers": a.others.length,
        "revisions added": a.revisionsAdded,
        "versions added": a.versionsAdded,
        "saves/s": ((a.successes + a.conflicts) / a.seconds).toFixed(0),
        ...summary(a.saveTimes),
        aim: "every answer 200 or 409; revisions added = successes",
      },
      {
        load: "(b) section saves, a dashboard per client",
        attempts: b.load.acknowledged.length + b.load.failures.length,
        successes: b.load.acknowledged.length,
        "409s": b.load.failures.filter((failure) => failure === "409").length,
        "other answers": b.load.failures.filter((failure) => failure !== "409").length,
        "revisions added": b.revisionsAdded,
        "versions added": b.versionsAdded,
        "saves/s": (b.load.acknowledged.length / b.seconds).toFixed(0),
        "median ms": "",
        "p95 ms": "",
        aim: `all ${CLIENTS * SAVES_PER_CLIENT} succeed; none missing (missing: ${b.missing.length})`,
      },
    ]);
    console.log(
      `(a) revisions added ${a.revisionsAdded === a.successes ? "=" : "≠"} successes; (b) ${b.missing.length} acknowledged saves missing`,
    );
    for (const other of [...a.others, ...b.load.failures.filter((f) => f !== "409")].slice(0, 5))
      console.log(`  other answer: ${other}`);
    for (const missing of b.missing.slice(0, 5)) console.log(`  missing: ${missing}`);
    console.log(`\nSign-in (${SIGN_IN_CLIENTS} clients signing in again and again beside the load)`);
    console.table([
      signInRow("idle, one at a time", idle),
      signInRow("during (a)", duringA),
      signInRow("during (b)", duringB),
    ]);
  } finally {
    for (const app of processes) await app.stop();
    postgres.remove();
  }
}
