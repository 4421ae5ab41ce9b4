#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for tests: a fresh data directory in a temp folder, trust
# authentication, listening on 127.0.0.1 only. Installs Debian's `postgresql` when no server
# binaries are found (needs root or sudo).
#
#   scripts/start-postgres.sh [PORT]      start (a free port when none is given); prints on stdout
#                                          DATABASE_URL=postgres://postgres@127.0.0.1:PORT/obsforge
#                                          POSTGRES_DIR=/tmp/obsforge-postgres.XXXXXX
#   scripts/start-postgres.sh stop DIR    stop it and remove DIR (same as scripts/stop-postgres.sh DIR)
#
# Typical use: eval "$(scripts/start-postgres.sh)"; export TEST_DATABASE_URL=$DATABASE_URL; …;
#              scripts/stop-postgres.sh "$POSTGRES_DIR"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [ "${1:-}" = "stop" ]; then
  exec bash "$here/stop-postgres.sh" "${2:-${POSTGRES_DIR:-}}"
fi

log() { echo "start-postgres: $*" >&2; }

server_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
}

install_postgres() {
  local sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  log "installing Debian's postgresql package"
  $sudo_cmd apt-get update -qq >&2
  # Without the default cluster the package would create and start a server on port 5432.
  $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql-common >&2
  if [ -f /etc/postgresql-common/createcluster.conf ]; then
    $sudo_cmd sed -i 's/^#\?\s*create_main_cluster.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
  fi
  $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql >&2
}

bin_dir=$(server_bin_dir)
if [ -z "$bin_dir" ]; then
  install_postgres
  bin_dir=$(server_bin_dir)
  if [ -z "$bin_dir" ]; then
    log "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin after installing"
    exit 1
  fi
fi

port="${1:-}"
if [ -z "$port" ]; then
  port=$(node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
fi
if ! [[ "$port" =~ ^[0-9]+$ ]]; then
  log "port must be a number, got '$port'"
  exit 2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/obsforge-postgres.XXXXXX")
chmod 755 "$dir"
# initdb refuses to run as root, so as root the server runs as Debian's postgres user.
run_as_server_user() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    log "running as root, but there is no 'postgres' user to run the server as"
    exit 1
  fi
  chown postgres: "$dir"
  run_as_server_user() { runuser -u postgres -- "$@"; }
fi

if ! run_as_server_user "$bin_dir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale \
  >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  exit 1
fi
# Throwaway data: durability settings off for speed.
if ! run_as_server_user "$bin_dir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2; then
  cat "$dir/postgres.log" >&2
  exit 1
fi
run_as_server_user "$bin_dir/createdb" -h 127.0.0.1 -p "$port" -U postgres obsforge

echo "DATABASE_URL=postgres://postgres@127.0.0.1:${port}/obsforge"
echo "POSTGRES_DIR=${dir}"
