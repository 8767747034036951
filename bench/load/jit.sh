#!/usr/bin/env bash
# How long the JIT stays busy after the app's first requests, and what that does to the URL measured first
# (docs/decisions/125): starts the published app (the Sơn La seed, or SCALE_DB), signs in as "xem", records the
# runtime's counters (dotnet-counters, System.Runtime, every second) while it runs the load script's order of wrk
# runs for URLS (raw, static twin, br; 2 s + 5 s each), then `/` and its twin twice more, and prints req/s per
# run, the methods compiled, the JIT time and the last busy second.
#
#   APP_DIR=/tmp/app VARIANT=default [APPENV="DOTNET_TieredPGO=0"] [URLS="/ /annex /api/annex"] bench/load/jit.sh
#
# Needs wrk, curl, python3 and dotnet-counters (`dotnet tool install --tool-path DIR dotnet-counters`;
# DOTNET_COUNTERS=DIR/dotnet-counters). Writes OUT_DIR/jit-VARIANT.txt and .csv (OUT_DIR default /tmp).
set -euo pipefail
cd "$(dirname "$0")/../.."
counters="${DOTNET_COUNTERS:-dotnet-counters}"
out_dir="${OUT_DIR:-/tmp}"
source bench/lib.sh
bench_init "${PORT:-5694}"
bench_publish
v=${VARIANT:-default}
res="$out_dir/jit-$v.txt"; : > $res
db_args=()
if [ -n "${SCALE_DB:-}" ]; then cp "$SCALE_DB" "$work/bluezone.db"; db_args=(--Store:Provider=Sqlite "--ConnectionStrings:Default=Data Source=$work/bluezone.db" --Deployment:AreaCode=VN); else db_args=(--Deployment:AreaCode=14); fi
for e in ${APPENV:-}; do export "$e"; done
bench_start_app "${db_args[@]}" --RateLimits:ApiPerMinute=100000000
for e in ${APPENV:-}; do unset "${e%%=*}"; done
pid=$(pgrep -f "BluezoneTracker.Web --urls $base" | head -1)
cookie="$(bench_signin_cookie xem)"
"$counters" collect -p $pid --refresh-interval 1 --format csv -o "$out_dir/jit-$v.csv" --counters System.Runtime </dev/null >/dev/null 2>&1 &
cpid=$!
sleep 2
t0=$(date +%s.%N)
phase() {
  local s; s=$(date +%s.%N)
  local n; n=$(wrk -t2 -c16 -d$2s -H "Cookie: $cookie" ${3:+-H "$3"} "$base$1" | awk '/requests in/ {print $1}')
  local e; e=$(date +%s.%N)
  printf "%6.1f-%6.1f s  %-12s %-4s %3ss %7s req  %8.1f req/s  load %s\n" $(awk -v a=$t0 -v b=$s 'BEGIN{print b-a}') $(awk -v a=$t0 -v b=$e 'BEGIN{print b-a}') "$1" "${3:+br}" $2 $n $(awk -v n=$n -v d=$2 'BEGIN{print n/d}') "$(cut -d' ' -f1 /proc/loadavg)" >> $res
}
echo "variant $v: ${APPENV:-} start $(date -u +%T)" >> $res
i=0
for u in ${URLS:-/ /annex /api/annex}; do
  i=$((i+1)); curl -s -o "$work/app/wwwroot/twin$i.html" -H "Cookie: $cookie" "$base$u"
  phase $u 2; phase $u 5
  phase /twin$i.html 2; phase /twin$i.html 5
  phase $u 2 "Accept-Encoding: br"; phase $u 5 "Accept-Encoding: br"
done
phase / 5; phase /twin1.html 5; phase / 5; phase /twin1.html 5
kill -TERM $cpid 2>/dev/null || true; sleep 2; kill -KILL $cpid 2>/dev/null || true
python3 - "$out_dir/jit-$v.csv" >> $res <<'PY'
import csv, sys, collections
rows=collections.defaultdict(dict)
for r in csv.DictReader(open(sys.argv[1])):
    rows[r['Timestamp']][r['Counter Name']]=float(r['Mean/Increment'] or 0)
ts=sorted(rows); m=j=0; last=None
for t in ts:
    d=rows[t]; mm=d.get('dotnet.jit.compiled_methods ({method} / 1 sec)',0); m+=mm; j+=d.get('dotnet.jit.compilation.time (s / 1 sec)',0)
    if mm>20: last=t
print(f"methods jitted {m:.0f}, JIT time {j:.1f} s, last second with >20 methods: {last} (counters from {ts[0]})")
print("per second: JIT seconds / methods compiled")
print(" ".join(f"{rows[t].get('dotnet.jit.compilation.time (s / 1 sec)',0):.2f}/{rows[t].get('dotnet.jit.compiled_methods ({method} / 1 sec)',0):.0f}" for t in ts))
PY
