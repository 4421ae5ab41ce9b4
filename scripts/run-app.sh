#!/usr/bin/env bash
# The one command that runs the app on a fresh machine: install, build, start on $PORT (3000).
set -euo pipefail
cd "$(dirname "$0")/.."
# Next.js telemetry stays off: nothing leaves the machine.
export NEXT_TELEMETRY_DISABLED=1

# Install exactly the lock file, only when node_modules is missing or older than it.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npx next build
# Once the server answers (so it is not lost in the build's output): how to get live data.
host="${HOST:-127.0.0.1}"
case "$host" in 0.0.0.0 | :: | "[::]") host=127.0.0.1 ;; esac
health="http://${host}:${PORT:-3000}/api/health"
(
  node -e '
    const deadline = Date.now() + 120_000;
    const poll = async () => {
      while (Date.now() < deadline) {
        if (await fetch(process.argv[1]).then((r) => r.ok, () => false)) return 0;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return 1;
    };
    poll().then((code) => process.exit(code));
  ' "$health" && bash scripts/live-data-help.sh
) &
# Next.js behind the app's own server, which answers the live preview's calls itself (scripts/serve.mjs).
exec node scripts/serve.mjs --port "${PORT:-3000}" --hostname "${HOST:-127.0.0.1}"
