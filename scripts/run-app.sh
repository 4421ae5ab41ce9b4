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
exec npx next start --port "${PORT:-3000}" --hostname "${HOST:-127.0.0.1}"
