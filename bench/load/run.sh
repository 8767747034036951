#!/usr/bin/env bash
# Load test of the read path: publishes the app in Release, starts it on a loopback port over a temp
# SQLite store, signs in as the demo viewer "xem" and measures requests/s and latency with wrk for every
# read page and download (/, /annex, /api/annex, /annex.csv, .xlsx, .pdf), each beside a static file of its
# very bytes, raw and with Accept-Encoding: br (issue #13 point 3), and the app's memory after the runs.
#
#   bench/load/run.sh [scale|sonla]      scale (default): 700 districts × 730 daily snapshots; sonla: the demo seed
#   SCALE_DB=/tmp/scale.db reuses a store written by `… scale-store FILE 700 730` (copied, not changed)
#   DURATION=10 WARMUP=5 CONNECTIONS=16 THREADS=2 PORT=5301 bench/load/run.sh
#
# Only ever against 127.0.0.1. Needs wrk (Debian: apt-get install wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

data="${1:-scale}"
source bench/lib.sh
duration="${DURATION:-10}"
warmup="${WARMUP:-5}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
bench_init "${PORT:-5301}"
bench_publish

area=14
if [ "$data" = scale ]; then
    area=VN
    if [ -n "${SCALE_DB:-}" ]; then cp "$SCALE_DB" "$work/bluezone.db"; else
        echo "Writing the scale store (700 districts × 730 days)…" >&2
        dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- scale-store "$work/bluezone.db" 700 730 >&2
    fi
fi

# The API limit is raised so that /api/annex measures the annex, not the rate limiter.
bench_start_app --ConnectionStrings:Default="Data Source=$work/bluezone.db" \
    --Deployment:AreaCode="$area" --RateLimits:ApiPerMinute=100000000

cookie="$(bench_signin_cookie xem)"

# wrk_run URL [HEADER]: requests/s and latency percentiles of URL with the session cookie (and HEADER).
wrk_run() {
    local extra=()
    [ -n "${2:-}" ] && extra=(-H "$2")
    wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "Cookie: $cookie" "${extra[@]}" "$1" >/dev/null
    local out
    out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Cookie: $cookie" "${extra[@]}" "$1")"
    local bad
    bad="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
    [ -z "$bad" ] || { echo "$1 answered $bad non-2xx responses" >&2; exit 1; }
    echo "$(awk '/^Requests\/sec/ {print $2}' <<<"$out") $(awk '$1 == "50%" {print $2}' <<<"$out") $(awk '$1 == "99%" {print $2}' <<<"$out")"
}

echo "Data: $data; wrk -t$threads -c$connections -d${duration}s after ${warmup}s of warm-up, each URL and then its static twin (the"
echo "same bytes as a file in the web root), first raw then with Accept-Encoding: br; $(nproc) cores"
echo
echo "| URL | Bytes raw | Bytes br | Raw req/s | Static raw req/s | Ratio raw | br req/s | Static br req/s | Ratio br | p99 raw / br |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
n=0
for path in / /annex /api/annex /annex.csv /annex.xlsx /annex.pdf; do
    n=$((n + 1))
    cookie="$(bench_signin_cookie xem)"
    case "$path" in
        /api/annex) ext=json ;; /annex.csv) ext=csv ;; /annex.xlsx) ext=xlsx ;; /annex.pdf) ext=pdf ;; *) ext=html ;;
    esac
    twin="/twin-$n.$ext"
    # The first request computes the figures and keeps the response; its bytes become the static twin.
    status="$(curl -s -o "$work/app/wwwroot$twin" -w '%{http_code}' -H "Cookie: $cookie" "$base$path")"
    [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
    raw_bytes=$(wc -c <"$work/app/wwwroot$twin")
    br_bytes=$(curl -s -H "Cookie: $cookie" -H 'Accept-Encoding: br' "$base$path" | wc -c)
    read -r app_raw p99_raw _ < <(wrk_run "$base$path" | awk '{print $1, $3}')
    read -r static_raw _ < <(wrk_run "$base$twin")
    read -r app_br p99_br _ < <(wrk_run "$base$path" "Accept-Encoding: br" | awk '{print $1, $3}')
    read -r static_br _ < <(wrk_run "$base$twin" "Accept-Encoding: br")
    ratio_raw=$(awk -v a="$app_raw" -v s="$static_raw" 'BEGIN { printf "%.2f", a / s }')
    ratio_br=$(awk -v a="$app_br" -v s="$static_br" 'BEGIN { printf "%.2f", a / s }')
    echo "| \`$path\` | $raw_bytes | $br_bytes | $app_raw | $static_raw | $ratio_raw | $app_br | $static_br | $ratio_br | $p99_raw / $p99_br |"
done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status" 2>/dev/null || echo 0)
hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status" 2>/dev/null || echo 0)
echo
echo "App memory after the runs: RSS $((rss_kb / 1024)) MB, peak (VmHWM) $((hwm_kb / 1024)) MB."
