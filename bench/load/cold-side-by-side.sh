#!/usr/bin/env bash
# The first request after a write (the data version raised in the store, as another instance's write is seen) of
# /, /annex and /api/annex for two published builds side by side — e.g. main before and after a change — each over
# its own copy of the same SQLite store, which one goes first alternating per round; medians, cold and warm, and
# their ratio B / A (issue #13 point 4; numbers only mean something as ratios on a shared machine).
#
#   flock /tmp/bench.lock bench/load/cold-side-by-side.sh APP_A APP_B STORE.db [PORT]     (N=5 rounds, AREA=VN)
#   ENCODING=br …same…   asks with Accept-Encoding: br (a phone's request: the first br of a kept body is compressed then)
#   WRITE=revision …same… writes a counts write as the app does (bench/load/store-write.py: a new revision of AREA's newest date: every count
#                         of the current one plus 1, its totals row, the version row raised) instead of only raising
#                         the version row (a write that added no counts, e.g. settings or a sign-off)
#
# Only ever against 127.0.0.1; the apps run as in bench/lib.sh (Staging, demo accounts, viewer "xem").
set -euo pipefail
A=$1; B=$2; DB=$3; PORT=${4:-5721}; AREA=${AREA:-VN}; N=${N:-5}; ENCODING=${ENCODING:-}; WRITE=${WRITE:-version}
accept=(); [ -n "$ENCODING" ] && accept=(-H "Accept-Encoding: $ENCODING")
cd "$(dirname "$0")/../.."
source bench/lib.sh
declare -A base_of cookie_of pid_of db_of
work="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
i=0
for name in A B; do
  app=${!name}; mkdir -p "$work/$name"; cp -r "$app" "$work/$name/app"; cp "$DB" "$work/$name/b.db"; db_of[$name]="$work/$name/b.db"
  b="http://127.0.0.1:$((PORT + i))"; i=$((i+1))
  (cd "$work/$name/app" && exec env ASPNETCORE_ENVIRONMENT=Staging Logging__LogLevel__Default=Warning ./BluezoneTracker.Web --urls "$b" \
     --Store:Provider=Sqlite "--ConnectionStrings:Default=Data Source=${db_of[$name]}" --Deployment:AreaCode=$AREA --RateLimits:ApiPerMinute=100000000 >"$work/$name.log" 2>&1) &
  pids+=($!); base_of[$name]=$b
done
for name in A B; do
  for _ in $(seq 1 300); do curl -fs "${base_of[$name]}/health" >/dev/null 2>&1 && break; sleep 1; done
  base=${base_of[$name]}; cookie_of[$name]="$(bench_signin_cookie xem)"
  # Warmed as measured (the same Accept-Encoding): the first br request of a process also loads and compiles the
  # Brotli path, once per process, which is not the cost of a write.
  for p in / /annex /api/annex; do curl -s -o /dev/null "${accept[@]}" -H "Cookie: ${cookie_of[$name]}" "$base$p"; done
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)${ENCODING:+, Accept-Encoding: $ENCODING}, write: $WRITE"
echo "| URL | A cold (median of $N) | B cold | B / A | A warm | B warm |"
echo "|---|---:|---:|---:|---:|---:|"
for p in / /annex /api/annex; do
  declare -A t=() w=()
  for r in $(seq 1 $N); do
    for name in A B; do python3 bench/load/store-write.py "${db_of[$name]}" "$WRITE" "$AREA"; done
    sleep 0.6
    order="A B"; [ $((r % 2)) = 0 ] && order="B A"
    for name in $order; do
      t[$name]+="$(curl -s -o /dev/null -w '%{time_total}' "${accept[@]}" -H "Cookie: ${cookie_of[$name]}" "${base_of[$name]}$p") "
      w[$name]+="$(curl -s -o /dev/null -w '%{time_total}' "${accept[@]}" -H "Cookie: ${cookie_of[$name]}" "${base_of[$name]}$p") "
    done
  done
  med() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { printf "%.0f", 1000 * v[int((NR + 1) / 2)] }'; }
  ma=$(med "${t[A]}"); mb=$(med "${t[B]}")
  echo "| \`$p\` | $ma ms | $mb ms | $(awk -v a=$ma -v b=$mb 'BEGIN{printf "%.2f", b/a}') | $(med "${w[A]}") ms | $(med "${w[B]}") ms |"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
