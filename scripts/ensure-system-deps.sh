#!/usr/bin/env bash
# Installs the Debian packages the tests run for real (promtool, amtool, Prometheus, Alertmanager,
# the node and postgres exporters, docker-compose, PostgreSQL, Chromium),
# only when they are missing. Needs root (as on CI) or sudo.
set -euo pipefail

missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v amtool >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
# Real PostgreSQL for the persistence tests, Chromium for the browser tests (never a downloaded browser).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Debian's docker-compose (1.29, no engine needed) validates the generated docker-compose.yml.
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
if ! command -v alertmanager >/dev/null 2>&1 && ! command -v prometheus-alertmanager >/dev/null 2>&1; then
  missing+=(prometheus-alertmanager)
fi
# Real exporters for the browser test that imports public dashboards and previews them against a real
# Prometheus scraping them (e2e/node-exporter.spec.ts). The postgres exporter only when Debian has it.
command -v prometheus-node-exporter >/dev/null 2>&1 || missing+=(prometheus-node-exporter)
if ! command -v prometheus-postgres-exporter >/dev/null 2>&1 &&
  apt-cache show prometheus-postgres-exporter >/dev/null 2>&1; then
  missing+=(prometheus-postgres-exporter)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
echo "installing Debian packages: ${packages}"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
# shellcheck disable=SC2086
$sudo_cmd apt-get install -y -qq --no-install-recommends ${packages} >/dev/null
