import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort, type RunningProcess, startProcess, waitFor } from "../../lib/testing/processes";

export const root = path.resolve(import.meta.dirname, "../..");

/** Builds the app once if no production build exists. */
export function ensureBuild(): void {
  if (existsSync(path.join(root, ".next/BUILD_ID"))) return;
  execFileSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
}

/** Starts the production server on a free loopback port and waits for /api/health. */
export async function startApp(
  env: Record<string, string>,
): Promise<{ url: string; server: RunningProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startProcess("npx", ["next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production" },
  });
  await waitFor(
    async () => ((await fetch(`${url}/api/health`)).ok ? true : undefined),
    60_000,
    () => `the app did not become healthy:\n${server.output()}`,
  );
  return { url, server };
}
