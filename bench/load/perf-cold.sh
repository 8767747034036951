#!/usr/bin/env bash
# Where the first request after a write spends its CPU (issue #13 point 4, docs/decisions/147): starts the published
# app over a copy of STORE.db with the JIT's code named for perf (as bench/load/perf.sh), signs in as "xem", warms
# URL, then records `perf record -g` while it writes to the store and asks URL once, ROUNDS times (default 12), and
# prints the functions by self and inclusive share of the samples (the same summary as perf.sh).
#
#   APP_DIR=/tmp/app PORT=5741 [ROUNDS=12] [AREA=VN] [HEADER="Accept-Encoding: br"] [WRITE=revision] bench/load/perf-cold.sh STORE.db [URL]
#
# WRITE=revision writes a counts write as the app does (bench/load/store-write.py, the same write as
# cold-side-by-side.sh); the default raises only the version row, which since decision 147 profiles a flattering cold
# read (a write that added no counts: every revision's counts still kept).
#
# Needs perf (Debian: linux-perf), curl, python3; run it under `flock /tmp/bench.lock` on a shared machine.
# Writes OUT_DIR/perf-cold.data, perf-cold.txt and perf-cold-summary.txt (OUT_DIR default /tmp).
set -euo pipefail
cd "$(dirname "$0")/../.."
store="${1:?a SQLite store, e.g. VN-10000x365.db}"
url="${2:-/}"
out_dir="${OUT_DIR:-/tmp}"
rounds="${ROUNDS:-12}"
source bench/lib.sh
bench_init "${PORT:-5741}"
bench_publish
cp "$store" "$work/b.db"
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0
bench_start_app --Store:Provider=Sqlite "--ConnectionStrings:Default=Data Source=$work/b.db" --Deployment:AreaCode="${AREA:-VN}" --RateLimits:ApiPerMinute=100000000
cookie="$(bench_signin_cookie xem)"
extra=(); [ -n "${HEADER:-}" ] && extra=(-H "$HEADER")
bump() { python3 bench/load/store-write.py "$work/b.db" "${WRITE:-version}" "${AREA:-VN}"; }
for _ in 1 2 3; do bump; sleep 0.6; curl -s -o /dev/null -H "Cookie: $cookie" "${extra[@]}" "$base$url"; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), write: ${WRITE:-version}"
perf record -F 999 -g -p "$app_pid" -o "$out_dir/perf-cold.data" 2>/dev/null & perf_pid=$!
sleep 1
times=""
for _ in $(seq 1 "$rounds"); do
    bump; sleep 0.6
    times+="$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "${extra[@]}" "$base$url") "
done
kill -INT "$perf_pid"; wait "$perf_pid" || true
echo "cold $url ${HEADER:-}: $times(s); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
perf script -i "$out_dir/perf-cold.data" > "$out_dir/perf-cold.txt" 2>/dev/null
python3 bench/load/perf-summary.py "$out_dir/perf-cold.txt" 50 250 > "$out_dir/perf-cold-summary.txt"
echo "Profile: $out_dir/perf-cold-summary.txt"
