#!/usr/bin/env bash
# The app's memory after the load runs, GC settings side by side (issue #13 point 6, docs/decisions/116): one app
# per GC setting, each over its own copy of the same store, all started at once; then, URL by URL, the load of
# bench/load/run.sh (wrk, 16 connections, raw then Accept-Encoding: br) against each app in turn (the order turning
# from URL to URL), so each row's requests/s come from the same minute; last, each app's RSS and peak RSS (VmHWM) and its GC heap threads.
#
#   bench/memory/run.sh [scale|sonla]        scale (default): 700 districts × 730 days, as bench/load/run.sh
#   VARIANTS="project server workstation conserve"   the settings compared (default: all of these):
#       project       the published runtimeconfig as it is (what the README's command and the Dockerfile run)
#       server        Server GC (DOTNET_gcServer=1), the ASP.NET Core default, with DATAS (.NET 9+)
#       workstation   workstation GC, concurrent (DOTNET_gcServer=0)
#       conserve      Server GC + DOTNET_GCConserveMemory=5
#       server2       Server GC with 2 heaps and DATAS off (DOTNET_GCHeapCount=2, DOTNET_GCDynamicAdaptationMode=0)
#       nonconc       workstation GC, non-concurrent (DOTNET_gcServer=0 DOTNET_gcConcurrent=0)
#   SCALE_DB=/tmp/scale.db APP_DIR=/tmp/app DURATION=10 WARMUP=5 CONNECTIONS=16 THREADS=2 PORT=5321
#   URLS="/ /annex /api/annex /annex.csv /annex.xlsx /annex.pdf"
#
# Environment variables override the runtimeconfig's GC settings, so every variant but "project" sets both knobs
# it depends on explicitly. Only ever 127.0.0.1. Needs wrk, curl and python3. Run it under flock /tmp/bench.lock.
set -euo pipefail
cd "$(dirname "$0")/../.."

data="${1:-scale}"
source bench/lib.sh
duration="${DURATION:-10}"
warmup="${WARMUP:-5}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
urls=(${URLS:-/ /annex /api/annex /annex.csv /annex.xlsx /annex.pdf})
variants=(${VARIANTS:-project server workstation conserve})
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
first_port="${PORT:-5321}"
bench_init "$first_port"
pids=()
memory_cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    bench_cleanup
}
trap memory_cleanup EXIT
bench_publish

env_of() { # env_of VARIANT → the environment assignments of the variant
    case "$1" in
        project) echo "" ;;
        server) echo "DOTNET_gcServer=1 DOTNET_GCConserveMemory=0" ;;
        workstation) echo "DOTNET_gcServer=0 DOTNET_gcConcurrent=1 DOTNET_GCConserveMemory=0" ;;
        conserve) echo "DOTNET_gcServer=1 DOTNET_GCConserveMemory=5" ;;
        server2) echo "DOTNET_gcServer=1 DOTNET_GCHeapCount=2 DOTNET_GCDynamicAdaptationMode=0 DOTNET_GCConserveMemory=0" ;;
        nonconc) echo "DOTNET_gcServer=0 DOTNET_gcConcurrent=0 DOTNET_GCConserveMemory=0" ;;
        *) echo "unknown variant $1" >&2; exit 1 ;;
    esac
}

area=14
if [ "$data" = scale ]; then
    area=VN
    if [ -z "${SCALE_DB:-}" ]; then
        echo "Writing the SQLite scale store (700 districts × 730 days)…" >&2
        SCALE_DB="$work/scale.db"
        dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- scale-store "$SCALE_DB" 700 730 >&2
    fi
fi
declare -A base_of cookie_of pid_of
i=0
for variant in "${variants[@]}"; do
    base="http://127.0.0.1:$((first_port + i))"; i=$((i + 1))
    if curl -s -o /dev/null "$base/health"; then echo "Port of $base is already in use" >&2; exit 1; fi
    db="$work/$variant.db"
    if [ "$data" = scale ]; then cp "$SCALE_DB" "$db"; fi
    (cd "$work/app" && exec env $(env_of "$variant") ASPNETCORE_ENVIRONMENT=Staging Logging__LogLevel__Default=Warning \
        ./BluezoneTracker.Web --urls "$base" --Store:Provider=Sqlite "--ConnectionStrings:Default=Data Source=$db" \
        --Deployment:AreaCode="$area" --RateLimits:ApiPerMinute=100000000 >"$work/app-$variant.log" 2>&1) &
    pid_of[$variant]=$!; pids+=($!)
    base_of[$variant]="$base"
done
for variant in "${variants[@]}"; do
    for _ in $(seq 1 180); do curl -fs -o /dev/null "${base_of[$variant]}/health" && break; sleep 1; done
    curl -fs -o /dev/null "${base_of[$variant]}/health" || { cat "$work/app-$variant.log" >&2; exit 1; }
done

wrk_rps() { # wrk_rps URL COOKIE [HEADER] → requests/s after a warm-up; non-2xx answers stop the run
    local extra=() out
    [ -n "${3:-}" ] && extra=(-H "$3")
    wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "Cookie: $2" "${extra[@]}" "$1" >/dev/null
    out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" -H "Cookie: $2" "${extra[@]}" "$1")"
    ! grep -q Non-2xx <<<"$out" || { echo "$1 answered non-2xx: $out" >&2; exit 1; }
    awk '/^Requests\/sec/ { print $2 }' <<<"$out"
}
rss_of() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
hwm_of() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
gc_threads_of() { cat /proc/"$1"/task/*/comm 2>/dev/null | grep -ci 'gc' || true; }

echo "Data: $data; variants: ${variants[*]}; wrk -t$threads -c$connections -d${duration}s after ${warmup}s of warm-up, raw then br, each"
echo "variant in turn per URL; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in "${variants[@]}"; do echo "  $variant: ${base_of[$variant]} $(env_of "$variant"); RSS at start $(rss_of "${pid_of[$variant]}") MB"; done
echo
header="| URL |"; rule="|---|"
for variant in "${variants[@]}"; do header+=" $variant raw / br req/s |"; rule+="---:|"; done
echo "$header"; echo "$rule"
declare -A sum_raw sum_br
for variant in "${variants[@]}"; do sum_raw[$variant]=0; sum_br[$variant]=0; done
n=0
for path in "${urls[@]}"; do
    row="| \`$path\` |"
    # Each URL starts with the next variant (the order turns), so no variant always runs on a calmer or busier minute.
    order=("${variants[@]:$(( n % ${#variants[@]} ))}" "${variants[@]:0:$(( n % ${#variants[@]} ))}"); n=$((n + 1))
    for variant in "${variants[@]}"; do
        base="${base_of[$variant]}"
        cookie_of[$variant]="$(bench_signin_cookie xem)"
        status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${cookie_of[$variant]}" "$base$path")"
        [ "$status" = 200 ] || { echo "$path answered $status on $variant" >&2; exit 1; }
    done
    declare -A raw br
    for variant in "${order[@]}"; do raw[$variant]="$(wrk_rps "${base_of[$variant]}$path" "${cookie_of[$variant]}")"; done
    for variant in "${order[@]}"; do br[$variant]="$(wrk_rps "${base_of[$variant]}$path" "${cookie_of[$variant]}" "Accept-Encoding: br")"; done
    for variant in "${variants[@]}"; do
        row+=" ${raw[$variant]} / ${br[$variant]} |"
        sum_raw[$variant]="$(awk -v a="${sum_raw[$variant]}" -v b="${raw[$variant]}" 'BEGIN { print a + log(b) }')"
        sum_br[$variant]="$(awk -v a="${sum_br[$variant]}" -v b="${br[$variant]}" 'BEGIN { print a + log(b) }')"
    done
    echo "$row"
done
sleep 2   # a moment without load, as after a burst of readers
echo
echo "| variant | settings | RSS after the runs | peak RSS (VmHWM) | GC threads | geometric mean req/s raw / br |"
echo "|---|---|---:|---:|---:|---:|"
for variant in "${variants[@]}"; do
    pid="${pid_of[$variant]}"
    n="${#urls[@]}"
    echo "| $variant | $(env_of "$variant" | sed 's/DOTNET_//g') | $(rss_of "$pid") MB | $(hwm_of "$pid") MB | $(gc_threads_of "$pid") | $(awk -v s="${sum_raw[$variant]}" -v n="$n" 'BEGIN { printf "%.1f", exp(s / n) }') / $(awk -v s="${sum_br[$variant]}" -v n="$n" 'BEGIN { printf "%.1f", exp(s / n) }') |"
done
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
