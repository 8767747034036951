#!/usr/bin/env bash
# Lighthouse mobile scores of the dashboard (/) and the annex (/annex) — issue #13 point 1. Publishes the app
# in Release, starts it on 127.0.0.1 over the demo seed (Sơn La) and then over a 700 districts × 730 days
# store, signs in as the demo viewer "xem", and runs Lighthouse (pinned in bench/lighthouse/package.json,
# installed into bench/lighthouse/node_modules, never globally) twice per page with its default mobile
# profile (simulated slow 4G, 4× CPU slowdown) in Debian's Chromium. Prints a Markdown table; with
# WRITE=1 it also replaces the block between the lighthouse markers in docs/benchmarks.md.
#
#   SCALE_DB=/tmp/scale.db reuses a store written by `… scale-store FILE 700 730` (copied, not changed)
#   bench/lighthouse/run.sh                 RUNS=2 PORT=5303 CHROME_PATH=/usr/bin/chromium WRITE=1
#   STORES="sonla" bench/lighthouse/run.sh  only the seed ("scale" only the big store)
#   PATHS="/annex" bench/lighthouse/run.sh  only these pages (default "/ /annex")
#   KEEP=/tmp/lh bench/lighthouse/run.sh    also keeps every Lighthouse JSON report in that folder (to read
#                                           the opportunities and diagnostics behind a score)
#
# Needs node 20 and npm (for the install), chromium (apt-get install chromium), curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/lighthouse
source bench/lib.sh
runs="${RUNS:-2}"
stores="${STORES:-sonla scale}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || { echo "Chromium is missing at $CHROME_PATH: apt-get install chromium" >&2; exit 1; }
if [ ! -x "$here/node_modules/.bin/lighthouse" ]; then
    echo "Installing Lighthouse into $here/node_modules…" >&2
    (cd "$here" && npm ci --no-audit --no-fund >&2)
fi
lighthouse="$here/node_modules/.bin/lighthouse"
bench_init "${PORT:-5303}"
bench_publish

rows=""
for store in $stores; do
    area=14
    db="$work/$store.db"
    if [ "$store" = scale ]; then
        area=VN
        if [ -n "${SCALE_DB:-}" ]; then cp "$SCALE_DB" "$db"; else
            echo "Writing the scale store (700 districts × 730 days)…" >&2
            dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- scale-store "$db" 700 730 >&2
        fi
    fi
    bench_start_app --ConnectionStrings:Default="Data Source=$db" --Deployment:AreaCode="$area"
    cookie="$(bench_signin_cookie xem)"
    headers="$(node -e 'console.log(JSON.stringify({Cookie: process.argv[1]}))' "$cookie")"
    for path in ${PATHS:-/ /annex}; do
        # Once unrecorded: the first request after a start computes the figures and warms the JIT.
        curl -fs -o /dev/null -H "Cookie: $cookie" "$base$path"
        for run in $(seq 1 "$runs"); do
            out="$work/lh-$store-$(echo "$path" | tr -c 'a-z0-9' '_')-$run.json"
            # A trace Lighthouse failed to record (e.g. NO_NAVSTART on a busy machine) says nothing about the page:
            # run it once more before recording the error.
            for attempt in 1 2; do
                "$lighthouse" "$base$path" --quiet --only-categories=performance --output=json --output-path="$out" \
                    --extra-headers="$headers" --chrome-flags="--headless=new --no-sandbox --disable-gpu" >&2 || true
                node -e 'process.exit(require(process.argv[1]).runtimeError ? 1 : 0)' "$(realpath "$out")" 2>/dev/null && break
            done
            if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; cp "$out" "$KEEP/"; fi
            rows+="$(node -e '
                const r = require(process.argv[1]); const a = r.audits;
                const ms = id => a[id] && a[id].numericValue != null ? (a[id].numericValue / 1000).toFixed(2).replace(".", ",") + " s" : "—";
                const kb = a["total-byte-weight"] ? Math.round(a["total-byte-weight"].numericValue / 1024) + " KB" : "—";
                const dom = a["dom-size"] && a["dom-size"].numericValue != null ? a["dom-size"].numericValue : "—";
                const score = r.categories.performance.score;
                const work = a["mainthread-work-breakdown"] && a["mainthread-work-breakdown"].details ? a["mainthread-work-breakdown"].details.items : [];
                const styleLayout = work.filter(i => i.group === "styleLayout").reduce((t, i) => t + i.duration, 0);
                const sl = work.length ? (styleLayout / 1000).toFixed(2).replace(".", ",") + " s" : "—";
                const tbt = a["total-blocking-time"].numericValue, cls = a["cumulative-layout-shift"].numericValue;
                const error = r.runtimeError ? "error " + r.runtimeError.code : "error";
                console.log(`| ${process.argv[2]} | \`${process.argv[3]}\` | ${process.argv[4]} | ${score == null ? error : score.toFixed(2).replace(".", ",")} | ${ms("first-contentful-paint")} | ${ms("largest-contentful-paint")} | ${tbt == null ? "—" : Math.round(tbt) + " ms"} | ${cls == null ? "—" : cls.toFixed(3).replace(".", ",")} | ${sl} | ${kb} | ${dom} |`);
            ' "$(realpath "$out")" "$store" "$path" "$run")"$'\n'
        done
    done
    bench_stop_app
done

table="| Store | Page | Run | Performance | FCP | LCP | TBT | CLS | Style & Layout | Transferred | DOM elements |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows%$'\n'}"
echo "Lighthouse $("$lighthouse" --version), $("$CHROME_PATH" --version), mobile profile, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "$table"
if [ "${WRITE:-0}" = 1 ]; then
    node -e '
        const fs = require("fs"); const file = "docs/benchmarks.md";
        const text = fs.readFileSync(file, "utf8");
        const begin = "<!-- lighthouse:begin -->", end = "<!-- lighthouse:end -->";
        const block = begin + "\n" + process.argv[1] + "\n" + end;
        const i = text.indexOf(begin), j = text.indexOf(end);
        fs.writeFileSync(file, i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : text + "\n" + block + "\n");
    ' "Lighthouse $("$lighthouse" --version), $("$CHROME_PATH" --version), mobile profile, $(date -u +%Y-%m-%d):"$'\n\n'"$table"
fi
