import { randomBytes } from "node:crypto";
import path from "node:path";
import { freePort, type RunningProcess, startProcess, waitFor } from "../processes";

/**
 * An app process of its own for a fault test (api-server.ts): started on a free loopback port,
 * stopped or killed by the test. Every process of one test shares one secrets key, as the
 * processes of one deployment do.
 */

const root = path.resolve(import.meta.dirname, "../../..");
const SECRET_KEY = randomBytes(32).toString("base64");

export interface AppProcess extends RunningProcess {
  url: string;
  /** Sends the signal and waits for the process to end (SIGKILL: no shutdown code runs). */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export type AppDatabase = { url: string } | { dataDir: string };

/** Starts an app process on `database` and waits until /api/health answers 200. */
export async function startAppProcess(
  database: AppDatabase,
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    // A production process, as `next start` runs; the database is the one given, nothing inherited.
    NODE_ENV: "production",
    OBSFORGE_DEMO_PROMETHEUS_URL: undefined,
    DATABASE_URL: "url" in database ? database.url : undefined,
    OBSFORGE_DATA_DIR: "dataDir" in database ? database.dataDir : undefined,
    OBSFORGE_SECRET_KEY: SECRET_KEY,
    PORT: String(port),
    ...env,
  };
  const running = startProcess(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "api-server.ts")],
    { cwd: root, env: childEnv },
  );
  const app: AppProcess = {
    ...running,
    url,
    kill: (signal) =>
      new Promise((resolve) => {
        if (running.process.exitCode !== null || running.process.signalCode !== null) return resolve();
        running.process.once("exit", () => resolve());
        running.process.kill(signal);
      }),
  };
  try {
    await waitFor(
      async () => {
        if (running.process.exitCode !== null) throw new Error("exited");
        return (await fetch(`${url}/api/health`)).ok ? true : undefined;
      },
      60_000,
      () => `the app process did not become healthy:\n${running.output()}`,
    );
  } catch (error) {
    await running.stop();
    throw error;
  }
  return app;
}
