import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * A throwaway PostgreSQL server of one test file's own (scripts/start-postgres.sh), which the test
 * may stop and start under the app, as a restart or failover does.
 */

const root = path.resolve(import.meta.dirname, "../../..");

export interface PostgresServer {
  /** The `obsforge` database's URL. */
  url: string;
  /** The server's data directory and logs. */
  dir: string;
  /** `pg_ctl stop -m fast`: connections are cut, as in a restart. */
  stop(): void;
  start(): void;
  /** Stops the server and removes its directory. */
  remove(): void;
}

export function startPostgresServer(): PostgresServer {
  const out = execFileSync("bash", [path.join(root, "scripts/start-postgres.sh")], {
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();
  const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
  const dir = /POSTGRES_DIR=(\S+)/.exec(out)?.[1];
  if (!url || !dir)
    throw new Error(`scripts/start-postgres.sh printed no DATABASE_URL/POSTGRES_DIR:\n${out}`);
  const pgCtl = (args: string[]): void => {
    const version = readFileSync(`${dir}/data/PG_VERSION`, "utf8").trim();
    const bin = `/usr/lib/postgresql/${version}/bin/pg_ctl`;
    // As the user scripts/start-postgres.sh runs the server as.
    if (process.getuid?.() === 0)
      execFileSync("runuser", ["-u", "postgres", "--", bin, ...args], { stdio: "ignore" });
    else execFileSync(bin, args, { stdio: "ignore" });
  };
  const options = `-c listen_addresses=127.0.0.1 -p ${new URL(url).port} -c unix_socket_directories=${dir}`;
  return {
    url,
    dir,
    stop: () => pgCtl(["-D", `${dir}/data`, "-m", "fast", "-w", "stop"]),
    start: () =>
      pgCtl(["-D", `${dir}/data`, "-l", `${dir}/postgres.log`, "-w", "-t", "60", "-o", options, "start"]),
    remove: () =>
      execFileSync("bash", [path.join(root, "scripts/stop-postgres.sh"), dir], { stdio: "ignore" }),
  };
}
