#!/usr/bin/env bash
# The one command that runs every check, on a fresh clone: system packages, dependencies,
# format, lint, types, the test suite (which runs promtool, amtool, Prometheus, Alertmanager and
# PostgreSQL for real), then the browser tests against the production build in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
# Next.js telemetry stays off in every build and server this starts.
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-system-deps.sh
npm ci --no-audit --no-fund --loglevel=error
npm run format:check
npm run lint
npm run typecheck
rm -rf .reports
npm test -- --reporter=default --reporter=json --outputFile.json=.reports/vitest.json
PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/playwright.json npm run e2e -- --reporter=list,json
node scripts/test-summary.mjs
