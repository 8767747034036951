#!/usr/bin/env bash
# Runs every test of BluezoneTracker on a fresh Debian machine: installs what the tests need
# (the .NET SDK is expected; Chromium for the browser tests comes from Debian), builds, tests,
# and ends with one line "N passed, N failed, N skipped" summed over all test projects.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The browser tests drive Debian's Chromium and read the printed annex back with poppler's pdftotext;
# the web tests run a second time over a throw-away PostgreSQL server (docs/decisions/070).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]} for the tests…"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The deployment checks (tests/BluezoneTracker.Web.Tests/Deployment): docker-compose resolves docker-compose.yml offline
# (no container engine: --no-install-recommends), nginx checks its configuration and fronts the two-instance test,
# node runs the Dockerfile linter of tools/dockerfile-lint (its packages pinned by its package-lock.json).
ops=()
command -v docker-compose >/dev/null 2>&1 || ops+=(docker-compose)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || ops+=(nginx)
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || ops+=(nodejs npm)
if [ "${#ops[@]}" -gt 0 ]; then
    echo "Installing ${ops[*]} for the deployment tests…"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${ops[@]}" >/dev/null
fi
[ -d tools/dockerfile-lint/node_modules/dockerfile-utils ] || npm ci --prefix tools/dockerfile-lint --no-audit --no-fund --loglevel=error

# Playwright must use that Chromium, never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log="$(mktemp)"
pgdir="$(mktemp -d /tmp/bluezone-pg.XXXXXX)"
trap 'tools/test-postgres.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$pgdir" "$log"' EXIT

status=0
dotnet test BluezoneTracker.sln -c Release 2>&1 | tee "$log" || status=$?

# The web tests again, each test class over a PostgreSQL database of its own on a server started here
# (tools/test-postgres.sh: Debian's postgresql, run as the postgres user when we are root) and stopped after.
echo "Web tests over PostgreSQL…"
pg_connection="$(tools/test-postgres.sh start "$pgdir")"
BLUEZONE_TEST_POSTGRES="$pg_connection" dotnet test tests/BluezoneTracker.Web.Tests -c Release --no-build 2>&1 | tee -a "$log" || status=$?
tools/test-postgres.sh stop "$pgdir"

# dotnet test prints one "Passed!/Failed!  - Failed: a, Passed: b, Skipped: c, Total: d" line per project.
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
    | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
projects=$(grep -cE '^(Passed|Failed)!' "$log" || true)
echo "test runs: ${projects} (every test project over SQLite, then the web tests over PostgreSQL)"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
