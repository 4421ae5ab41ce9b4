#!/usr/bin/env bash
# What `npm run app` prints once its server answers: how to get a Prometheus with data to preview
# against. It says only what works today: `npm run demo` starts Debian's Prometheus with backfilled
# demo data and this same app beside it (same port, same database), with OBSFORGE_DEMO_PROMETHEUS_URL
# set, so every project whose Prometheus datasource has no preview URL previews against it
# (lib/preview/allowlist.ts, previewBaseUrl). The two cannot run at once: they share the port and
# the embedded database.
set -euo pipefail

port="${PORT:-3000}"
demo_port="${DEMO_PROMETHEUS_PORT:-9099}"

echo
echo "Live data in the dashboard designer:"
if [ -n "${OBSFORGE_DEMO_PROMETHEUS_URL:-}" ]; then
  echo "  Projects whose Prometheus datasource has no preview URL preview against"
  echo "  ${OBSFORGE_DEMO_PROMETHEUS_URL} (OBSFORGE_DEMO_PROMETHEUS_URL)."
else
  echo "  For a local Prometheus with six hours of demo data, stop this server (Ctrl-C) and run"
  echo "  'npm run demo'. It starts Debian's Prometheus on http://127.0.0.1:${demo_port}, then this app"
  echo "  on port ${port} with the same projects, and creates a \"Demo\" project. While it runs, every project"
  echo "  whose Prometheus datasource has no preview URL previews against it, including projects"
  echo "  created from a template or empty, before or during the demo."
  if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
    echo "  It needs Debian's prometheus package: sudo apt-get install prometheus"
  fi
fi
echo "  Your own Prometheus: a project's Settings, the Prometheus datasource's Preview URL, then"
echo "  \"Test connection\" shows its version and series count, or what went wrong."
echo
