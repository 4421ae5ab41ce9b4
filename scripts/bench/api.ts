/**
 * API latency under load, against the production build, on real PostgreSQL and on embedded PGlite:
 * GET and whole-project PUT of a standard project, and the section PUT editors make, of one
 * dashboard of an enterprise project. 1 and 50 concurrent connections, 20 s each.
 */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { makeTempDir } from "../../lib/tools/files";
import { type LoadRequest, type LoadResult, runLoad } from "./load";
import { ensureBuild, root, startApp } from "./server";
import { signInToApp } from "../app-session";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1000;

/** The aim for a section save (issue 7), in ms, at 50 connections on PostgreSQL. */
const SECTION_PUT_AIM_MS = 50;

interface Row {
  database: string;
  operation: string;
  project: string;
  connections: number;
  result: LoadResult;
}

/**
 * Each operation runs with one connection, then with CONNECTIONS. One connection gives the latency of
 * a request alone; with many, a closed loop's latency is mostly queueing (p50 ≈ connections ÷
 * throughput), so it measures throughput on this machine's cores more than the code path.
 */
const CONNECTION_COUNTS = [1, CONNECTIONS];

function startPostgres(): { url: string; stop: () => void } {
  const output = execFileSync("bash", [path.join(root, "scripts/start-postgres.sh")], { encoding: "utf8" });
  const url = output.match(/DATABASE_URL=(\S+)/)?.[1];
  const dir = output.match(/POSTGRES_DIR=(\S+)/)?.[1];
  if (!url || !dir) throw new Error(`start-postgres.sh printed no DATABASE_URL/POSTGRES_DIR:\n${output}`);
  return {
    url,
    stop: () => spawnSync("bash", [path.join(root, "scripts/stop-postgres.sh"), dir], { stdio: "ignore" }),
  };
}

interface StoredProject {
  id: string;
  version: number;
  project: { dashboards: { uid: string; description?: string }[] } & Record<string, unknown>;
}

async function createProjects(base: string, level: string, count: number): Promise<StoredProject[]> {
  const projects: StoredProject[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${base}/api/projects`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ template: level, name: `Bench ${level} ${i}` }),
    });
    if (response.status !== 201) throw new Error(`creating a ${level} project: ${response.status}`);
    projects.push((await response.json()) as StoredProject);
  }
  return projects;
}

/** What a connection of the whole-project PUT keeps: the body, and the version its last save returned. */
interface ProjectState {
  id: string;
  body: string;
  version: number;
}

/** What a connection of the section PUT keeps: the dashboard, its saves so far, and the version to save from. */
interface SectionState {
  id: string;
  uid: string;
  /** The dashboard as JSON without its description and without the opening brace, to splice one in. */
  rest: string;
  saves: number;
  version: number;
}

const jsonPut = (url: string, body: string): LoadRequest => ({
  url,
  init: { method: "PUT", headers: { "content-type": "application/json" }, body },
});

/** Keeps the version a successful save answers with as the base of the connection's next save. */
function keepVersion(state: { version: number } | undefined, status: number, body: string): void {
  if (state && status === 200) state.version = (JSON.parse(body) as { version: number }).version;
}

async function benchDatabase(database: string, env: Record<string, string>): Promise<Row[]> {
  const { url: base, server } = await startApp(env);
  try {
    await signInToApp(base);
    // One project per connection, so PUTs measure saving, not conflicts on one row.
    const standard = (await createProjects(base, "standard", CONNECTIONS)).map(
      (record): ProjectState => ({
        id: record.id,
        body: JSON.stringify(record.project),
        version: record.version,
      }),
    );
    const enterprise = (await createProjects(base, "enterprise", CONNECTIONS)).map((record): SectionState => {
      const [dashboard] = record.project.dashboards;
      if (!dashboard) throw new Error("the enterprise template has no dashboard");
      const { description: _description, ...rest } = dashboard;
      return {
        id: record.id,
        uid: dashboard.uid,
        rest: JSON.stringify(rest).slice(1),
        saves: 0,
        version: record.version,
      };
    });
    const rows: Row[] = [];
    for (const connections of CONNECTION_COUNTS) {
      const get = await runLoad({
        connections,
        durationMs: DURATION_MS,
        initialState: (connection) => standard[connection % standard.length],
        request: (project) => ({ url: `${base}/api/projects/${project?.id}` }),
      });
      const put = await runLoad({
        connections,
        durationMs: DURATION_MS,
        initialState: (connection) => standard[connection % standard.length],
        request: (project) =>
          jsonPut(
            `${base}/api/projects/${project?.id}`,
            `{"version":${project?.version},"project":${project?.body}}`,
          ),
        onResponse: keepVersion,
      });
      // Each save changes the description, so each one writes (an unchanged section writes nothing).
      const sectionPut = await runLoad({
        connections,
        durationMs: DURATION_MS,
        initialState: (connection) => enterprise[connection % enterprise.length],
        request: (section) => {
          if (!section) throw new Error("no enterprise project for this connection");
          section.saves++;
          return jsonPut(
            `${base}/api/projects/${section.id}/dashboards/${encodeURIComponent(section.uid)}`,
            `{"version":${section.version},"content":{"description":"bench save ${section.saves}",${section.rest}}`,
          );
        },
        onResponse: keepVersion,
      });
      rows.push(
        { database, operation: "GET /api/projects/{id}", project: "standard", connections, result: get },
        { database, operation: "PUT /api/projects/{id}", project: "standard", connections, result: put },
        {
          database,
          operation: "PUT /api/projects/{id}/dashboards/{uid}",
          project: "enterprise",
          connections,
          result: sectionPut,
        },
      );
    }
    return rows;
  } finally {
    await server.stop();
  }
}

const kib = (bytes: number): string => (bytes === 0 ? "0" : `${(bytes / 1024).toFixed(1)} KiB`);

export async function benchApi(): Promise<void> {
  ensureBuild();
  const rows: Row[] = [];
  const postgres = startPostgres();
  try {
    rows.push(...(await benchDatabase("postgres", { DATABASE_URL: postgres.url })));
  } finally {
    postgres.stop();
  }
  rows.push(...(await benchDatabase("pglite", { OBSFORGE_DATA_DIR: makeTempDir("obsforge-bench-pglite") })));
  console.log(
    `\nAPI latency (1 and ${CONNECTIONS} connections, ${DURATION_MS / 1000} s each, one project per connection;` +
      " the section PUT saves the first dashboard with a new description each time)",
  );
  console.table(
    rows.map(({ database, operation, project, connections, result }) => ({
      database,
      operation,
      project,
      connections,
      "request bytes": kib(result.requestBytes),
      "response bytes": kib(result.responseBytes),
      "req/s": result.throughput.toFixed(0),
      "p50 ms": result.p50.toFixed(1),
      "p95 ms": result.p95.toFixed(1),
      "p99 ms": result.p99.toFixed(1),
      requests: result.requests,
      "non-2xx": result.non2xx,
      errors: result.errors,
    })),
  );
  console.log("aims on Postgres: p95 under 20 ms for GET and 50 ms for PUT");
  console.log(`aim: section PUT p95 under ${SECTION_PUT_AIM_MS} ms at 50 connections`);
  const section = rows.find(
    (row) => row.database === "postgres" && row.project === "enterprise" && row.connections === CONNECTIONS,
  );
  if (section) {
    const met = section.result.p95 < SECTION_PUT_AIM_MS ? "met" : "not met";
    console.log(
      `  measured on Postgres at ${CONNECTIONS} connections: p95 ${section.result.p95.toFixed(1)} ms (${met})`,
    );
  }
}
