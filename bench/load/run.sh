#!/usr/bin/env bash
# Load test of the read path: publishes the app in Release, starts it on a loopback port, signs in as the demo
# viewer "xem" and measures requests/s and latency with wrk for every read page and download (/, /annex,
# /api/annex, /annex.csv, .xlsx, .pdf), each beside a static file of its very bytes, raw and with
# Accept-Encoding: br (issue #13 point 3); then the time of a cold page (the first request after a write) and the
# app's memory after the runs (issue #13 point 6).
#
#   bench/load/run.sh [scale|sonla]      scale (default): 700 districts × 730 daily snapshots; sonla: the demo seed
#   PROVIDER=Sqlite|Postgres|both        the store (default Sqlite). "both" starts one app over SQLite and one over
#                                        PostgreSQL with the same data and measures them alternately, URL by URL,
#                                        so their ratio comes from one run (issue #12 point 8). PostgreSQL is a
#                                        throw-away server of Debian's postgresql (tools/test-postgres.sh).
#   SCALE_DB=/tmp/scale.db reuses a SQLite store written by `… scale-store FILE 700 730` (copied, not changed)
#   APP_DIR=/tmp/app reuses a published app (copied)
#   DURATION=10 WARMUP=5 CONNECTIONS=16 THREADS=2 PORT=5301 COLD=5 URLS="/ /annex …" bench/load/run.sh
#   WARM_ALL=5 (default: WARMUP) seconds per URL, coding and app of the warm-up pass over the whole app before the
#                                        first measured run, repeated until WARM_MIN=60 seconds have passed;
#                                        WARM_ALL=0 measures a just-started app (JIT still busy)
#
# Only ever against 127.0.0.1. Needs wrk (Debian: apt-get install wrk), curl and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."

data="${1:-scale}"
source bench/lib.sh
duration="${DURATION:-10}"
warmup="${WARMUP:-5}"
warm_all="${WARM_ALL:-$warmup}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
cold_rounds="${COLD:-5}"
urls=(${URLS:-/ /annex /api/annex /annex.csv /annex.xlsx /annex.pdf})
case "${PROVIDER:-Sqlite}" in
    Sqlite) engines=(Sqlite) ;; Postgres) engines=(Postgres) ;; both) engines=(Sqlite Postgres) ;;
    *) echo "PROVIDER is Sqlite, Postgres or both, not $PROVIDER" >&2; exit 1 ;;
esac
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
first_port="${PORT:-5301}"
bench_init "$first_port"
chmod 755 "$work"   # the PostgreSQL server (user postgres) keeps its socket under it
pg_dir="" pids=()
load_cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    if [ -n "$pg_dir" ]; then tools/test-postgres.sh stop "$pg_dir" || true; fi
    bench_cleanup
}
trap load_cleanup EXIT
bench_publish

area=14
if [ "$data" = scale ]; then area=VN; fi
declare -A base_of cookie_of pid_of sql_of
i=0
for engine in "${engines[@]}"; do
    base="http://127.0.0.1:$((first_port + i))"; i=$((i + 1))
    if curl -s -o /dev/null "$base/health"; then echo "Port of $base is already in use" >&2; exit 1; fi
    case "$engine" in
        Sqlite)
            db="$work/bluezone.db"
            if [ "$data" = scale ]; then
                if [ -n "${SCALE_DB:-}" ]; then cp "$SCALE_DB" "$db"; else
                    echo "Writing the SQLite scale store (700 districts × 730 days)…" >&2
                    dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- scale-store "$db" 700 730 >&2
                fi
            fi
            store_args=(--Store:Provider=Sqlite "--ConnectionStrings:Default=Data Source=$db")
            sql_of[$engine]="python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()' '$db'"
            ;;
        Postgres)
            pg_dir="$work/pg"
            connection="$(BLUEZONE_TEST_PG_PORT="${PG_PORT:-55472}" tools/test-postgres.sh start "$pg_dir")"
            if [ "$data" = scale ]; then
                echo "Writing the PostgreSQL scale store (700 districts × 730 days)…" >&2
                dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- scale-store-postgres "$connection" 700 730 >&2
            fi
            store_args=(--Store:Provider=Postgres "--ConnectionStrings:Postgres=$connection")
            pg_port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$connection")"
            sql_of[$engine]="psql -h '$pg_dir' -p $pg_port -U bluezone -d bluezone -q -c"
            ;;
    esac
    # The API limit is raised so that /api/annex measures the annex, not the rate limiter.
    bench_start_app "${store_args[@]}" --Deployment:AreaCode="$area" --RateLimits:ApiPerMinute=100000000
    mv "$work/app.log" "$work/app-$engine.log"
    base_of[$engine]="$base"; pid_of[$engine]="$app_pid"; pids+=("$app_pid"); app_pid=""
done

# wrk_run URL COOKIE [HEADER]: "requests/s p50 p99" of URL with the session cookie (and HEADER), after a warm-up.
wrk_run() {
    local extra=()
    [ -n "${3:-}" ] && extra=(-H "$3")
    wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "Cookie: $2" "${extra[@]}" "$1" >/dev/null
    local out
    out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Cookie: $2" "${extra[@]}" "$1")"
    local bad
    bad="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
    [ -z "$bad" ] || { echo "$1 answered $bad non-2xx responses" >&2; exit 1; }
    echo "$(awk '/^Requests\/sec/ {print $2}' <<<"$out") $(awk '$1 == "50%" {print $2}' <<<"$out") $(awk '$1 == "99%" {print $2}' <<<"$out")"
}
signin_all() { for engine in "${engines[@]}"; do base="${base_of[$engine]}"; cookie_of[$engine]="$(bench_signin_cookie xem)"; done; }
ratio() { awk -v a="$1" -v s="$2" 'BEGIN { printf "%.2f", a / s }'; }

first="${engines[0]}"
twin_root="$work/app/wwwroot"   # every app runs from the one published folder, so each serves the twins
echo "Data: $data; stores: ${engines[*]}; the whole app warmed first (every URL, raw and br, ${warm_all}s each); then"
echo "wrk -t$threads -c$connections -d${duration}s after ${warmup}s of warm-up; per URL each"
echo "store in turn and then the static twin (the same bytes as a file in the web root, served by the $first app), first"
echo "raw then with Accept-Encoding: br; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
header="| URL | Bytes raw | Bytes br |"; rule="|---|---:|---:|"
for engine in "${engines[@]}"; do header+=" $engine raw req/s |"; rule+="---:|"; done
header+=" Static raw req/s |"; rule+="---:|"
for engine in "${engines[@]}"; do header+=" $engine br req/s |"; rule+="---:|"; done
header+=" Static br req/s |"; rule+="---:|"
for engine in "${engines[@]}"; do header+=" $engine / static raw, br |"; rule+="---:|"; done
[ "${#engines[@]}" = 2 ] && { header+=" Postgres / Sqlite raw, br |"; rule+="---:|"; }
for engine in "${engines[@]}"; do header+=" $engine p99 raw / br |"; rule+="---:|"; done
echo "$header"; echo "$rule"
# make_twin N PATH: sets $ext and $twin. The first request computes the figures and keeps the response; its bytes
# become the static twin /twin-N.EXT.
make_twin() {
    case "$2" in
        /api/annex) ext=json ;; /annex.csv) ext=csv ;; /annex.xlsx) ext=xlsx ;; /annex.pdf) ext=pdf ;; *) ext=html ;;
    esac
    twin="/twin-$1.$ext"
    for engine in "${engines[@]}"; do
        status="$(curl -s -o "$work/first-$engine.$ext" -w '%{http_code}' -H "Cookie: ${cookie_of[$engine]}" "${base_of[$engine]}$2")"
        [ "$status" = 200 ] || { echo "$2 answered $status on $engine" >&2; exit 1; }
    done
    cp "$work/first-$first.$ext" "$twin_root$twin"
}

# The whole app is warmed before the first measured run: after its first requests the runtime compiles the hot code
# again, optimised, on a background thread (tiered compilation) — about 14 000 methods, which kept the JIT busy for
# tens of seconds on 2 cores — so the URL measured first (`/` raw) paid for it alone and looked slower than the same
# path serving `/annex` (docs/decisions/125). Every URL, raw and br, on every store and its static twin, for
# WARM_ALL seconds each (default: WARMUP; WARM_ALL=0 skips this), the pass repeated until WARM_MIN seconds (60).
warm_start=$SECONDS
while [ "$warm_all" != 0 ]; do
    signin_all
    n=0
    for path in "${urls[@]}"; do
        n=$((n + 1))
        make_twin "$n" "$path"
        for coding in "" "Accept-Encoding: br"; do
            extra=(); [ -n "$coding" ] && extra=(-H "$coding")
            for target in "${engines[@]/#/engine:}" "twin:$twin"; do
                case "$target" in engine:*) e="${target#engine:}"; url="${base_of[$e]}$path"; c="${cookie_of[$e]}" ;; *) url="${base_of[$first]}${target#twin:}"; c="${cookie_of[$first]}" ;; esac
                wrk -t"$threads" -c"$connections" -d"${warm_all}s" -H "Cookie: $c" "${extra[@]}" "$url" >/dev/null
            done
        done
    done
    # Again until WARM_MIN seconds (default 60) have passed: with few URLs one pass ends before the JIT does.
    [ $((SECONDS - warm_start)) -lt "${WARM_MIN:-60}" ] || break
done

n=0
for path in "${urls[@]}"; do
    n=$((n + 1))
    signin_all
    make_twin "$n" "$path"
    raw_bytes=$(wc -c <"$twin_root$twin")
    br_bytes=$(curl -s -H "Cookie: ${cookie_of[$first]}" -H 'Accept-Encoding: br' "${base_of[$first]}$path" | wc -c)
    declare -A raw br p99r p99b
    for engine in "${engines[@]}"; do read -r raw[$engine] _ p99r[$engine] < <(wrk_run "${base_of[$engine]}$path" "${cookie_of[$engine]}"); done
    read -r static_raw _ < <(wrk_run "${base_of[$first]}$twin" "${cookie_of[$first]}")
    for engine in "${engines[@]}"; do read -r br[$engine] _ p99b[$engine] < <(wrk_run "${base_of[$engine]}$path" "${cookie_of[$engine]}" "Accept-Encoding: br"); done
    read -r static_br _ < <(wrk_run "${base_of[$first]}$twin" "${cookie_of[$first]}" "Accept-Encoding: br")
    row="| \`$path\` | $raw_bytes | $br_bytes |"
    for engine in "${engines[@]}"; do row+=" ${raw[$engine]} |"; done; row+=" $static_raw |"
    for engine in "${engines[@]}"; do row+=" ${br[$engine]} |"; done; row+=" $static_br |"
    for engine in "${engines[@]}"; do row+=" $(ratio "${raw[$engine]}" "$static_raw"), $(ratio "${br[$engine]}" "$static_br") |"; done
    [ "${#engines[@]}" = 2 ] && row+=" $(ratio "${raw[Postgres]}" "${raw[Sqlite]}"), $(ratio "${br[Postgres]}" "${br[Sqlite]}") |"
    for engine in "${engines[@]}"; do row+=" ${p99r[$engine]} / ${p99b[$engine]} |"; done
    echo "$row"
done

# Cold: a write raises the store's data version; every cache (figures, page, whole response) is keyed by it, so the
# next request computes everything. The version is raised in the store directly (as another instance's write
# would be seen), then, after the 250 ms the app may keep a version read, each store's page is timed in turn
# (the order swapped every round).
echo
echo "Cold: the first request after a write (data version raised in the store), $cold_rounds rounds, medians; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
header="| URL |"; rule="|---|"
for engine in "${engines[@]}"; do header+=" $engine cold |"; rule+="---:|"; done
[ "${#engines[@]}" = 2 ] && { header+=" Postgres / Sqlite |"; rule+="---:|"; }
echo "$header"; echo "$rule"
signin_all
for path in / /annex /api/annex; do
    declare -A times=()
    for round in $(seq 1 "$cold_rounds"); do
        for engine in "${engines[@]}"; do eval "${sql_of[$engine]} 'UPDATE \"DataVersion\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1'"; done
        sleep 0.6
        order=("${engines[@]}"); [ $((round % 2)) = 0 ] && order=($(printf '%s\n' "${engines[@]}" | tac))
        for engine in "${order[@]}"; do
            t="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: ${cookie_of[$engine]}" "${base_of[$engine]}$path")"
            [ "${t%% *}" = 200 ] || { echo "cold $path answered ${t%% *} on $engine" >&2; exit 1; }
            times[$engine]+="${t#* } "
        done
    done
    row="| \`$path\` |"
    declare -A median=()
    for engine in "${engines[@]}"; do
        median[$engine]="$(tr ' ' '\n' <<<"${times[$engine]}" | grep . | sort -g | awk '{ v[NR] = $1 } END { printf "%.0f", 1000 * v[int((NR + 1) / 2)] }')"
        row+=" ${median[$engine]} ms |"
    done
    [ "${#engines[@]}" = 2 ] && row+=" $(ratio "${median[Postgres]}" "${median[Sqlite]}") |"
    echo "$row"
done

echo
for engine in "${engines[@]}"; do
    rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/${pid_of[$engine]}/status" 2>/dev/null || echo 0)
    hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/${pid_of[$engine]}/status" 2>/dev/null || echo 0)
    echo "App memory after the runs ($engine): RSS $((rss_kb / 1024)) MB, peak (VmHWM) $((hwm_kb / 1024)) MB."
done
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
