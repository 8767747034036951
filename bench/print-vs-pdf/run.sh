#!/usr/bin/env bash
# The app's PDF annex against a warm headless Chromium printing the HTML annex (issue #13 point 5): publishes the
# app, starts it over each store in turn, signs in as "xem" and runs bench/print-vs-pdf (Playwright .NET driving
# Debian's /usr/bin/chromium, started once and kept warm), which alternates: open /annex and print it with the
# page's own @page size; fetch /annex.pdf as kept (warm); fetch it made anew (response cache missed on purpose).
# Prints a table of medians, ratios and page counts (pdfinfo).
#
#   bench/print-vs-pdf/run.sh                 stores: seed (Sơn La, 12 districts), national (63 provinces), scale (700)
#   STORES="seed national" ROUNDS=15 PORT=5321 SCALE_DB=/tmp/scale.db APP_DIR=/tmp/app bench/print-vs-pdf/run.sh
#
# Only ever against 127.0.0.1. Needs /usr/bin/chromium (Debian's chromium) and pdfinfo (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
rounds="${ROUNDS:-15}"
stores=(${STORES:-seed national scale})
for tool in /usr/bin/chromium pdfinfo; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
bench_init "${PORT:-5321}"
bench_publish
echo "Building bench/print-vs-pdf…" >&2
dotnet build bench/print-vs-pdf -c Release -o "$work/print" --nologo -v q >&2

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
echo "Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), $rounds alternating rounds after 2 unmeasured, medians; $(nproc) cores"
echo
echo "| Store | Annex rows | Chromium print | PDF kept (warm) | PDF made anew | Ratio print / PDF made | Ratio print / PDF kept | Chromium pages | PDF pages | Load (1 min) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for store in "${stores[@]}"; do
    db="$work/$store.db"; rm -f "$db"
    args=(--ConnectionStrings:Default="Data Source=$db")
    case "$store" in
        seed) ;;
        national) args+=(--Seed:Demo=national) ;;
        scale)
            if [ -n "${SCALE_DB:-}" ]; then cp "$SCALE_DB" "$db"; else
                dotnet run -c Release --project bench/BluezoneTracker.Benchmarks -- scale-store "$db" 700 730 >&2
            fi
            args+=(--Deployment:AreaCode=VN) ;;
        *) echo "unknown store $store (seed, national, scale)" >&2; exit 1 ;;
    esac
    bench_start_app "${args[@]}"
    cookie="$(bench_signin_cookie xem)"
    # The rows of the annex: one per child area in the JSON annex.
    rows="$(curl -fs -H "Cookie: $cookie" "$base/api/annex" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["rows"]))')"
    out="$work/out-$store"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    line="$(dotnet "$work/print/PrintVsPdf.dll" "$base" "$cookie" "" "$rounds" "$out")"
    eval "${line// /; }"
    echo "| $store | $rows | $chromium ms | $pdf_warm ms | $pdf_made ms | $(awk -v a="$chromium" -v b="$pdf_made" 'BEGIN { printf "%.1f", a / b }') | $(awk -v a="$chromium" -v b="$pdf_warm" 'BEGIN { printf "%.0f", a / b }') | $(pages "$out/chromium.pdf") | $(pages "$out/app.pdf") | $load |"
    if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; cp "$out/chromium.pdf" "$KEEP/$store-chromium.pdf"; cp "$out/app.pdf" "$KEEP/$store-app.pdf"; fi
    bench_stop_app
done
