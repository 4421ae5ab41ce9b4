#!/usr/bin/env bash
# The one command that runs every check, on a fresh clone: system packages, dependencies,
# format, lint, types, the test suite (which runs promtool, amtool, Prometheus, Alertmanager and
# PostgreSQL for real), then the browser tests against the production build in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
# Next.js telemetry stays off in every build and server this starts.
export NEXT_TELEMETRY_DISABLED=1

# Each part is timed; the times are printed as it ends and again, together, at the end.
timings=()
step() {
  local name=$1 started=$SECONDS
  shift
  "$@"
  local took=$((SECONDS - started))
  timings+=("$(printf '%-22s %5d s' "$name" "$took")")
  echo "== ${name}: ${took} s"
}

step "system packages" bash scripts/ensure-system-deps.sh
step "npm ci" npm ci --no-audit --no-fund --loglevel=error
step "format" npm run format:check
step "lint" npm run lint
step "types" npm run typecheck
rm -rf .reports
step "vitest" npm test -- --reporter=default --reporter=json --outputFile.json=.reports/vitest.json
step "playwright" env PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/playwright.json npm run e2e -- --reporter=list,json
echo "== time per part"
printf '%s\n' "${timings[@]}"
echo "$(printf '%-22s %5d s' total "$SECONDS")"
node scripts/test-summary.mjs
