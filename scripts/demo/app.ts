import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { waitFor } from "../../lib/testing/processes";

/** The Obsforge app for the demo: the production build when there is one, else the dev server. */

export interface RunningApp {
  url: string;
  mode: "start" | "dev";
  process: ChildProcess;
  stop: () => Promise<void>;
}

export function startApp(options: { root: string; port: number; env: Record<string, string> }): RunningApp {
  const mode = existsSync(path.join(options.root, ".next", "BUILD_ID")) ? "start" : "dev";
  const next = path.join(options.root, "node_modules", "next", "dist", "bin", "next");
  // Its own process group, so stopping it also stops the server processes `next` starts.
  const child = spawn(
    process.execPath,
    [next, mode, "--port", String(options.port), "--hostname", "127.0.0.1"],
    {
      cwd: options.root,
      env: { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
      detached: true,
    },
  );
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    url: `http://127.0.0.1:${options.port}`,
    mode,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        signalGroup("SIGTERM");
        setTimeout(() => signalGroup("SIGKILL"), 5000).unref();
      }),
  };
}

/** Waits until GET /api/health answers (the dev server compiles on first request: minutes are allowed). */
export async function waitForHealth(app: RunningApp, timeoutMs = 300_000): Promise<void> {
  await waitFor(
    async () => {
      if (app.process.exitCode !== null) throw new Error("exited");
      return (await fetch(`${app.url}/api/health`)).ok ? true : undefined;
    },
    timeoutMs,
    () => `${app.url}/api/health did not answer`,
  );
}
