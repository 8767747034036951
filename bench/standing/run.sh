#!/usr/bin/env bash
# The longer runs of the two standing checks of issue #15 (point 10), whose short forms run in every
# test run: the import verb killed with SIGKILL while writing (CrashTests) and readers with uploaders at
# once (ConcurrentLoadTests). Same code, larger numbers; prints each test's own summary line.
#
#   bench/standing/run.sh                      20 kills; 60 s with 50 readers and 5 uploaders
#   KILLS=40 SECONDS_=120 READERS=100 UPLOADERS=5 bench/standing/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export BLUEZONE_CRASH_KILLS="${KILLS:-20}" BLUEZONE_LOAD_SECONDS="${SECONDS_:-60}" \
       BLUEZONE_LOAD_READERS="${READERS:-50}" BLUEZONE_LOAD_UPLOADERS="${UPLOADERS:-5}"
echo "kills=$BLUEZONE_CRASH_KILLS load=${BLUEZONE_LOAD_SECONDS}s readers=$BLUEZONE_LOAD_READERS uploaders=$BLUEZONE_LOAD_UPLOADERS; $(nproc) cores"
dotnet test tests/BluezoneTracker.Web.Tests -c Release --filter "FullyQualifiedName~Security.CrashTests|FullyQualifiedName~Security.ConcurrentLoadTests" \
    --logger "console;verbosity=detailed" 2>&1 | grep -E ' kills, | reads, |^\s*(Passed|Failed) [A-Z]|Passed!|Failed!'
