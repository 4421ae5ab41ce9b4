/**
 * API latency under load: 50 concurrent connections for 20 s on GET and on PUT of a standard
 * project, against the production build, on real PostgreSQL and on embedded PGlite.
 */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { makeTempDir } from "../../lib/tools/files";
import { type LoadResult, runLoad } from "./load";
import { ensureBuild, root, startApp } from "./server";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1000;

interface Row {
  database: string;
  operation: string;
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

async function benchDatabase(database: string, env: Record<string, string>): Promise<Row[]> {
  const { url: base, server } = await startApp(env);
  try {
    // One project per connection, so PUTs measure saving, not conflicts on one row.
    const projects: { id: string; body: string; version: number }[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const response = await fetch(`${base}/api/projects`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ template: "standard", name: `Bench ${i}` }),
      });
      const record = (await response.json()) as { id: string; version: number; project: unknown };
      projects.push({ id: record.id, body: JSON.stringify(record.project), version: record.version });
    }
    const rows: Row[] = [];
    for (const connections of CONNECTION_COUNTS) {
      const get = await runLoad({
        connections,
        durationMs: DURATION_MS,
        initialState: (connection) => projects[connection % projects.length] ?? projects[0],
        request: (project) => ({ url: `${base}/api/projects/${project?.id}` }),
      });
      const put = await runLoad({
        connections,
        durationMs: DURATION_MS,
        initialState: (connection) => projects[connection % projects.length] ?? projects[0],
        request: (project) => ({
          url: `${base}/api/projects/${project?.id}`,
          init: {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: `{"version":${project?.version},"project":${project?.body}}`,
          },
        }),
        onResponse: (project, status, body) => {
          if (project && status === 200) project.version = (JSON.parse(body) as { version: number }).version;
        },
      });
      rows.push(
        { database, operation: "GET /api/projects/{id}", connections, result: get },
        { database, operation: "PUT /api/projects/{id}", connections, result: put },
      );
    }
    return rows;
  } finally {
    await server.stop();
  }
}

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
    `\nAPI latency (1 and ${CONNECTIONS} connections, ${DURATION_MS / 1000} s each, standard project)`,
  );
  console.table(
    rows.map(({ database, operation, connections, result }) => ({
      database,
      operation,
      connections,
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
}
