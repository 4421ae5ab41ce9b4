import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { freePort, type RunningProcess, startProcess, waitFor } from "../../lib/testing/processes";

export const root = path.resolve(import.meta.dirname, "../..");

/** The newest modification time among the files a production build of `checkout` is made from. */
function newestSourceTime(checkout: string): number {
  const listed = execFileSync(
    "git",
    ["ls-files", "-co", "--exclude-standard", "app", "components", "lib", "public"],
    {
      cwd: checkout,
      encoding: "utf8",
    },
  );
  const files = [
    ...listed.split("\n").filter(Boolean),
    "next.config.mjs",
    "package-lock.json",
    "tsconfig.json",
  ];
  let newest = 0;
  for (const file of files) {
    const full = path.join(checkout, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the app of `checkout` (this one unless said) unless a production build newer than every
 * source file is there: never measure stale code.
 */
export function ensureBuild(checkout = root): void {
  const buildId = path.join(checkout, ".next/BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestSourceTime(checkout)) return;
  execFileSync("npx", ["next", "build"], {
    cwd: checkout,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

/**
 * Starts the production server (scripts/serve.mjs, as `npm run start`; plain `next start` when
 * OBSFORGE_BENCH_NEXT_START=1, to compare) of `checkout` (this one unless said) on a free loopback
 * port and waits for /api/health; it serves the /dev pages.
 */
export async function startApp(
  env: Record<string, string>,
  checkout = root,
): Promise<{ url: string; server: RunningProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Node runs the server itself: through `npx` or npm, stopping would end them and leave it running.
  const command =
    process.env.OBSFORGE_BENCH_NEXT_START === "1"
      ? [path.join(checkout, "node_modules/next/dist/bin/next"), "start"]
      : [path.join(checkout, "scripts/serve.mjs")];
  const server = startProcess(
    process.execPath,
    [...command, "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: checkout,
      env: {
        ...process.env,
        OBSFORGE_DEV_PAGES: "1",
        ...env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  await waitFor(
    async () => ((await fetch(`${url}/api/health`)).ok ? true : undefined),
    60_000,
    () => `the app did not become healthy:\n${server.output()}`,
  );
  return { url, server };
}
