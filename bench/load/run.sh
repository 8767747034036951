#!/usr/bin/env bash
# Load test of the read path: publishes the app in Release, starts it on a loopback port over a temp
# SQLite store, signs in as the demo viewer "xem" and measures requests/s and latency with wrk for the
# dashboard, the annex page, the annex JSON and a static file holding the dashboard's very bytes.
#
#   bench/load/run.sh [scale|sonla]      scale (default): 700 districts × 730 daily snapshots; sonla: the demo seed
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
    echo "Writing the scale store (700 districts × 730 days)…" >&2
    dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- scale-store "$work/bluezone.db" 700 730 >&2
fi

# The API limit is raised so that /api/annex measures the annex, not the rate limiter.
bench_start_app --ConnectionStrings:Default="Data Source=$work/bluezone.db" \
    --Deployment:AreaCode="$area" --RateLimits:ApiPerMinute=100000000

# Signs in through the form (anti-forgery token and cookie kept) and prints the Cookie header value.
# A fresh sign-in before each run: wrk, unlike a browser, would never store a renewed cookie.
sign_in() {
    local jar="$work/jar"
    rm -f "$jar"
    local token
    token="$(bench_signin_token "$jar")"
    local status
    status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
        --data-urlencode "Input.UserName=xem" --data-urlencode "Input.Password=Bluezone@2020" \
        --data-urlencode "__RequestVerificationToken=$token" "$base/account/signin")"
    [ "$status" = 302 ] || { echo "sign-in failed: $status" >&2; exit 1; }
    sed -E 's/^#HttpOnly_//' "$jar" | awk -F'\t' 'NF == 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep="; " }'
}

cookie="$(sign_in)"
# The static twin: the dashboard's own HTML written as a file into the published web root.
curl -fs -H "Cookie: $cookie" "$base/" -o "$work/app/wwwroot/dashboard-copy.html"
dashboard_bytes=$(wc -c <"$work/app/wwwroot/dashboard-copy.html")

echo "Data: $data; dashboard HTML $dashboard_bytes bytes; wrk -t$threads -c$connections -d${duration}s after ${warmup}s of warm-up; $(nproc) cores"
echo
echo "| URL | Bytes | Requests/s | Latency p50 | p90 | p99 | Non-2xx |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for path in / /annex /api/annex /dashboard-copy.html; do
    cookie="$(sign_in)"
    # The first request computes and caches the figures; an unrecorded run then lets tiered JIT
    # finish (on 2 cores, a just-started app is several times slower for its first seconds).
    status="$(curl -s -o "$work/body" -w '%{http_code}' -H "Cookie: $cookie" "$base$path")"
    [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
    bytes=$(wc -c <"$work/body")
    wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "Cookie: $cookie" "$base$path" >/dev/null
    out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Cookie: $cookie" "$base$path")"
    rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    p90="$(awk '$1 == "90%" {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    bad="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
    echo "| \`$path\` | $bytes | $rps | $p50 | $p90 | $p99 | ${bad:-0} |"
done
