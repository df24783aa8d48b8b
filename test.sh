#!/usr/bin/env bash
# Runs every test of Marketplace on a fresh machine of the project's kind (Debian 12, .NET SDK 10).
# Installs what the tests need first: the project's dotnet tools, and Debian's Chromium for the browser tests.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Webhooks]
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium for the browser tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

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
