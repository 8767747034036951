#!/usr/bin/env bash
# Where a warm request's CPU goes (docs/decisions/140): starts the published app on the Sơn La seed with the JIT's
# code named for perf (DOTNET_PerfMapEnabled=1, W^X off so the names resolve, ReadyToRun off so framework code is
# named too), signs in as "xem", warms URL and its static twin, prints req/s of each, then records URL under wrk with
# `perf record -g` for SECONDS (default 8) and prints the functions by self and inclusive share of the samples.
#
#   APP_DIR=/tmp/app PORT=5712 [HEADER="Accept-Encoding: br"] [SECONDS_RECORDED=8] bench/load/perf.sh /annex.csv
#
# Needs perf (Debian: linux-perf), wrk, curl, python3; run it under `flock /tmp/bench.lock` on a shared machine.
# Writes OUT_DIR/perf.data, perf.txt and perf-summary.txt (OUT_DIR default /tmp).
set -euo pipefail
cd "$(dirname "$0")/../.."
url="${1:?a URL path, e.g. /annex.csv}"
out_dir="${OUT_DIR:-/tmp}"
recorded="${SECONDS_RECORDED:-8}"
source bench/lib.sh
bench_init "${PORT:-5712}"
bench_publish
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0
bench_start_app --Deployment:AreaCode=14 --RateLimits:ApiPerMinute=100000000
cookie="$(bench_signin_cookie xem)"
ext="${url##*.}"; [ "$ext" = "$url" ] && ext=html
curl -s -o "$work/app/wwwroot/twin.$ext" -H "Cookie: $cookie" "$base$url"
extra=(); [ -n "${HEADER:-}" ] && extra=(-H "$HEADER")
for u in "$url" "/twin.$ext"; do wrk -t2 -c16 -d20s -H "Cookie: $cookie" "${extra[@]}" "$base$u" >/dev/null; done
for u in "$url" "/twin.$ext" "$url" "/twin.$ext"; do
    echo "$u ${HEADER:-} $(wrk -t2 -c16 -d5s -H "Cookie: $cookie" "${extra[@]}" "$base$u" | awk '/Requests\/sec/ {print $2}') req/s, load $(cut -d' ' -f1 /proc/loadavg)"
done
wrk -t2 -c16 -d$((recorded + 4))s -H "Cookie: $cookie" "${extra[@]}" "$base$url" >/dev/null & wrk_pid=$!
sleep 2
perf record -F 999 -g -p "$app_pid" -o "$out_dir/perf.data" -- sleep "$recorded" 2>/dev/null
wait "$wrk_pid"
perf script -i "$out_dir/perf.data" > "$out_dir/perf.txt" 2>/dev/null
python3 bench/load/perf-summary.py "$out_dir/perf.txt" 40 150 > "$out_dir/perf-summary.txt"
echo "Profile: $out_dir/perf-summary.txt"
