#!/usr/bin/env bash
# Stops a server started by scripts/start-postgres.sh and removes its temp folder.
#   scripts/stop-postgres.sh DIR    (DIR: the POSTGRES_DIR it printed; defaults to $POSTGRES_DIR)
set -euo pipefail

dir="${1:-${POSTGRES_DIR:-}}"
if [ -z "$dir" ]; then
  echo "usage: scripts/stop-postgres.sh POSTGRES_DIR" >&2
  exit 2
fi
# Only ever remove a folder this script's partner made.
case "$(basename "$dir")" in
  obsforge-postgres.*) ;;
  *)
    echo "stop-postgres: $dir is not a folder made by scripts/start-postgres.sh" >&2
    exit 2
    ;;
esac
if [ ! -d "$dir" ]; then exit 0; fi

if [ -f "$dir/data/PG_VERSION" ]; then
  bin_dir="/usr/lib/postgresql/$(cat "$dir/data/PG_VERSION")/bin"
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bin_dir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  else
    "$bin_dir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
fi
rm -rf "$dir"
