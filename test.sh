#!/usr/bin/env bash
# Runs every test of Marketplace on a fresh machine of the project's kind (Debian 12, .NET SDK 10).
# Installs what the tests need first: the project's dotnet tools, Debian's Chromium for the browser tests and Debian's
# PostgreSQL, of which it starts a throwaway cluster for the PostgreSQL tests (removed on exit, also on failure or ^C),
# and s3rver (npm, pinned in tools/s3), a throwaway S3-compatible server for the S3 file store's tests (removed likewise).
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Webhooks]
#        ./test.sh --fast   the unit tests alone (Marketplace.UnitTests: no server, no browser), with how long they took
# A whole run (no arguments) also runs the unit and integration tests again under libfaketime (Debian's faketime) at
# three dates that break date code: a month's last second, 29 February, and across Europe/Paris's spring DST change.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "${1:-}" = "--fast" ]; then
  shift
  started=$(date +%s)
  dotnet test Marketplace.UnitTests --nologo "$@"
  echo "unit tests took $(( $(date +%s) - started )) s (restore and build included)"
  exit 0
fi

install_debian() { # install_debian PACKAGE: Debian's package, as root or through sudo
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium for the browser tests"
  install_debian chromium
fi
if [ $# -eq 0 ] && ! command -v faketime >/dev/null 2>&1; then
  echo "== installing Debian's faketime for the runs at other dates"
  install_debian faketime
fi

PG_BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "== installing Debian's postgresql for the PostgreSQL tests"
  install_debian postgresql
fi

echo "== starting a throwaway PostgreSQL cluster"
# The server refuses to run as root: as root it runs as the postgres user in a folder that user owns; otherwise as
# the current user.
pg_root=$(mktemp -d "${TMPDIR:-/tmp}/marketplace-pg.XXXXXX")
PG_AS=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$pg_root"
  PG_AS=(runuser -u postgres --)
fi
stop_postgres() {
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$pg_root/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_root"
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM
"${PG_AS[@]}" "$PG_BIN/initdb" -D "$pg_root/data" --auth=trust -U postgres -E UTF8 >"$pg_root/initdb.log" 2>&1 \
  || { cat "$pg_root/initdb.log" >&2; exit 1; }
pg_port=""
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 40000))
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue # taken
  if "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w -t 60 \
       -o "-p $port -k $pg_root -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null; then
    pg_port=$port; break
  fi
done
[ -n "$pg_port" ] || { echo "PostgreSQL did not start" >&2; cat "$pg_root/server.log" >&2; exit 1; }
export MARKETPLACE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=postgres"
echo "   PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$pg_port ($pg_root)"

echo "== starting a throwaway S3-compatible server (s3rver, npm: tools/s3)"
# The S3 file store's tests (Marketplace.SystemTests/Files) run against it: the versions pinned in tools/s3's lockfile,
# a bucket marketplace-test in a temporary folder, on a loopback port; stopped and removed on exit like PostgreSQL.
if ! command -v npm >/dev/null 2>&1; then
  echo "== installing Debian's npm for the S3 server"
  install_debian npm
fi
(cd tools/s3 && npm ci --no-audit --no-fund --silent >/dev/null)
s3_root=$(mktemp -d "${TMPDIR:-/tmp}/marketplace-s3.XXXXXX")
s3_pid=""
stop_servers() {
  if [ -n "$s3_pid" ]; then kill "$s3_pid" 2>/dev/null || true; wait "$s3_pid" 2>/dev/null || true; fi
  rm -rf "$s3_root"
  stop_postgres
}
trap stop_servers EXIT
s3_port=""
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 40000))
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue # taken
  tools/s3/node_modules/.bin/s3rver -d "$s3_root/data" -a 127.0.0.1 -p "$port" --silent --configure-bucket marketplace-test \
    >"$s3_root/server.log" 2>&1 &
  s3_pid=$!
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { s3_port=$port; break; }
    kill -0 "$s3_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$s3_port" ] && break
  kill "$s3_pid" 2>/dev/null || true; s3_pid=""
done
[ -n "$s3_port" ] || { echo "the S3 server did not start" >&2; cat "$s3_root/server.log" >&2; exit 1; }
export MARKETPLACE_TEST_S3="http://127.0.0.1:$s3_port"
echo "   s3rver $(node -p "require('./tools/s3/node_modules/s3rver/package.json').version") on 127.0.0.1:$s3_port, bucket marketplace-test ($s3_root)"

echo "== restoring dotnet tools and packages"
dotnet tool restore >/dev/null
dotnet restore Marketplace.sln --nologo -v quiet

echo "== building"
dotnet build Marketplace.sln --no-restore --nologo -v quiet -clp:ErrorsOnly

echo "== testing"
# Every test host (WebApplicationFactory, the emulator, child app processes) would watch its appsettings files for
# changes: one inotify instance each, and Linux allows 128 per user by default. Tests never edit configuration files.
export DOTNET_hostBuilder__reloadConfigOnChange=false
log=$(mktemp)
set +e
dotnet test Marketplace.sln --no-build --nologo --results-directory TestResults "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ $# -eq 0 ]; then
  # The unit and integration tests (not the browser, multi-process and PostgreSQL ones) at dates that break date code.
  # faketime starts the clock at the date given (local time, TZ) and lets it run.
  for at in "2027-01-31 23:59:58" "2028-02-29 10:00:00" "2027-03-28 01:59:00"; do
    for project in Marketplace.UnitTests Marketplace.Tests; do
      echo "== $project at $at (Europe/Paris, faketime)"
      TZ=Europe/Paris faketime "$at" dotnet test "$project" --no-build --nologo --results-directory TestResults 2>&1 | tee -a "$log"
      run=${PIPESTATUS[0]}
      [ "$run" -ne 0 ] && status=$run
    done
  done
fi
set -e

# One plain summary line ("Tests: N passed, N failed") for whoever reads the end of the log.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
