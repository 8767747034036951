#!/usr/bin/env bash
# Two instances of the published app over one store, Debian's nginx round-robin in front (issue #12 point 4):
#   1. a sign-in through A is honoured by B
#   2. an upload previewed through A is confirmed through B
#   3. a write through A is read through B within 1 s
#   4. under load through nginx (READERS wrk connections on /, /annex, /api/annex; UPLOADERS curl loops posting
#      revisions through the API) instance B is killed with -9 a third into the run and restarted: every 201 must be
#      in the store exactly once, readers see only 2xx outside the restart window (from the kill until B answers
#      /health/ready again; every answer is placed by nginx's log time) and only 2xx, 502 or 503 inside it, and the
#      figures afterwards equal a recomputation from the store's rows.
#
#   bench/two-instances/run.sh                                  PROVIDER=Postgres: a PostgreSQL cluster of Debian's postgresql in a temp folder
#   PROVIDER=Sqlite bench/two-instances/run.sh                  both instances on one SQLite file
#   PG_POOL=43 PG_MAX_CONNECTIONS=100                           each instance's Maximum Pool Size and the server's max_connections
#                                                               (refused unless 2 × PG_POOL + 10 ≤ PG_MAX_CONNECTIONS − 3; docs/decisions/115)
#   KEEP_LOGS=/tmp/two-logs                                     keeps the instances', nginx's, wrk's, uploaders' and PostgreSQL's logs
#   DURATION=60 READERS=200 UPLOADERS=5 PORT_A=5311 PORT_B=5312 PORT_PROXY=5310 bench/two-instances/run.sh
#   AFTER=20                                                    the load goes on at least this long after B is ready again
#
# PROVIDER defaults to Postgres, the issue's setup (several instances need a server, docs/decisions/077).
# Only ever 127.0.0.1. Needs wrk, curl, python3 and nginx (installed with apt-get when missing and root).
# Prints one PASS/FAIL line per check and a figures table; exits 1 when a check failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh

provider="${PROVIDER:-Postgres}"
duration="${DURATION:-60}"
readers="${READERS:-200}"
uploaders="${UPLOADERS:-5}"
after="${AFTER:-20}"
port_a="${PORT_A:-5311}"
port_b="${PORT_B:-5312}"
port_proxy="${PORT_PROXY:-5310}"
here="bench/two-instances"

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    [ "$(id -u)" = 0 ] || { echo "nginx is missing: apt-get install nginx" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
for tool in wrk curl python3; do command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install $tool)" >&2; exit 1; }; done

bench_init "$port_proxy"
a="http://127.0.0.1:$port_a"
b="http://127.0.0.1:$port_b"
proxy="$base"
pid_a="" pid_b="" pid_nginx="" pg_ctl=""
chmod 755 "$work"
cleanup() {
    for pid in $pid_nginx $pid_a $pid_b; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    if [ -n "${KEEP_LOGS:-}" ]; then   # the instances', nginx's, wrk's and the uploaders' logs, for a post-mortem
        mkdir -p "$KEEP_LOGS" && cp "$work"/*.log "$work"/wrk.out "$KEEP_LOGS"/ 2>/dev/null || true
        cp "$work"/nginx/error.log "$KEEP_LOGS"/nginx-error.log 2>/dev/null || true
        if [ -n "$pg_ctl" ]; then cp "$work"/pg/log "$KEEP_LOGS"/postgres.log 2>/dev/null || true; fi
    fi
    if [ -n "$pg_ctl" ]; then $pg_ctl stop -m fast >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "run.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR

failures=0
check() { # check NAME OK? DETAIL
    if [ "$2" = 0 ]; then echo "PASS  $1${3:+ — $3}"; else echo "FAIL  $1${3:+ — $3}"; failures=$((failures + 1)); fi
}

# --- The store -----------------------------------------------------------------------------------------------
case "$provider" in
    Sqlite)
        store_args=(--Store:Provider=Sqlite "--ConnectionStrings:Default=Data Source=$work/bluezone.db")
        sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print("|".join(str(v) for v in r)) for r in c.execute(sys.argv[2])]' "$work/bluezone.db" "$1"; }
        ;;
    Postgres)
        pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
        [ -n "$pgbin" ] || { echo "PostgreSQL is missing: apt-get install postgresql" >&2; exit 1; }
        pg_port="${PG_PORT:-5439}"
        as_pg=(); [ "$(id -u)" = 0 ] && as_pg=(runuser -u postgres --)
        install -d -m 700 "$work/pg" && { [ "$(id -u)" != 0 ] || chown postgres "$work/pg"; }
        "${as_pg[@]}" "$pgbin/initdb" -D "$work/pg/data" -A trust -U bluezone -E UTF8 >/dev/null
        pg_ctl="${as_pg[*]} $pgbin/pg_ctl -D $work/pg/data"
        # The pool rule (docs/decisions/115): instances × Maximum Pool Size + headroom (psql, an instance
        # restarting while the killed one's connections close, maintenance) ≤ max_connections − the 3 reserved
        # for superusers. With Npgsql's default of 100 per instance, 200 readers made PostgreSQL refuse
        # connections ("too many clients already") and the instances answer 503 (docs/benchmarks.md).
        max_connections="${PG_MAX_CONNECTIONS:-100}"
        pool="${PG_POOL:-43}"   # the largest that keeps the rule at max_connections 100: fewer readers wait for a connection
        if [ $(( 2 * pool + 10 )) -gt $(( max_connections - 3 )) ]; then
            echo "PG_POOL=$pool: 2 instances × $pool + 10 spare exceeds max_connections $max_connections − 3 reserved" >&2; exit 1
        fi
        $pg_ctl -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=$max_connections" -l "$work/pg/log" -w start >/dev/null
        "${as_pg[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U bluezone bluezone
        store_args=(--Store:Provider=Postgres "--ConnectionStrings:Postgres=Host=127.0.0.1;Port=$pg_port;Database=bluezone;Username=bluezone;Maximum Pool Size=$pool")
        sql() { psql -h 127.0.0.1 -p "$pg_port" -U bluezone -d bluezone -At -F '|' -c "$1"; }
        ;;
    *) echo "PROVIDER is Sqlite or Postgres, not $provider" >&2; exit 1 ;;
esac

# --- Two instances and nginx ---------------------------------------------------------------------------------
bench_publish
start_app() { # start_app NAME URL → prints the pid
    (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Staging Logging__LogLevel__Default=Warning \
        ./BluezoneTracker.Web --urls "$2" "${store_args[@]}" \
        --RateLimits:ApiPerMinute=100000000 --RateLimits:SignInPerMinute=100000 >>"$work/$1.log" 2>&1) &
    echo $!
}
wait_ready() { # wait_ready URL LOG
    for _ in $(seq 1 720); do curl -fs -o /dev/null "$1/health/ready" && return 0; sleep 0.25; done   # 180 s (cold starts on a busy machine)
    cat "$2" >&2; return 1
}
pid_a="$(start_app a "$a")"; wait_ready "$a" "$work/a.log"   # A migrates and seeds first,
pid_b="$(start_app b "$b")"; wait_ready "$b" "$work/b.log"   # then B finds the store ready.

mkdir -p "$work/nginx"
# The upstream's server parameters and keepalive are deploy/nginx/nginx.conf's (the compose file's nginx), so the
# proof holds for what is deployed; only the addresses differ.
server_params="$(sed -nE 's/^[[:space:]]*server web:8080 (.*);.*/\1/p' deploy/nginx/nginx.conf)"
keepalive="$(sed -nE 's/^[[:space:]]*(keepalive [0-9]+);.*/\1/p' deploy/nginx/nginx.conf)"
[ -n "$server_params" ] && [ -n "$keepalive" ] || { echo "no upstream parameters in deploy/nginx/nginx.conf" >&2; exit 1; }
cat >"$work/nginx/nginx.conf" <<NGINX
daemon off;
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    log_format upstream '\$msec \$status \$request_method \$request_time \$upstream_addr \$upstream_status \$request_uri';
    access_log $work/nginx/access.log upstream;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    upstream bluezone {
        server 127.0.0.1:$port_a $server_params;
        server 127.0.0.1:$port_b $server_params;
        $keepalive;
    }
    server {
        listen 127.0.0.1:$port_proxy;
        location / {
            proxy_pass http://bluezone;
            include $PWD/deploy/nginx/bluezone-proxy.conf;
        }
    }
}
NGINX
chmod 755 "$work/nginx"
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
pid_nginx=$!
wait_ready "$proxy" "$work/nginx/error.log"
echo "Store: $provider; A $a, B $b, nginx $proxy; $(nproc) cores"

# --- Helpers: forms through curl -----------------------------------------------------------------------------
form() { python3 "$here/form.py" "$@"; }
token_of() { form "$1" "$2" | awk -F'\t' '$1 == "__RequestVerificationToken" { print $2; exit }'; }
sign_in() { # sign_in JAR URL USER
    curl -fs -c "$1" -b "$1" "$2/account/signin" -o "$work/signin.html"
    curl -s -o /dev/null -w '%{http_code}' -c "$1" -b "$1" --data-urlencode "Input.UserName=$3" \
        --data-urlencode "Input.Password=Bluezone@2020" \
        --data-urlencode "__RequestVerificationToken=$(token_of "$work/signin.html" signin-form)" "$2/account/signin"
}
cookie_header() { sed -E 's/^#HttpOnly_//' "$1" | awk -F'\t' 'NF == 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep="; " }'; }

# --- 1. Sign in through A, read through B --------------------------------------------------------------------
jar="$work/viewer.jar"
status="$(sign_in "$jar" "$a" xem)"
read_b="$(curl -s -o "$work/b-dashboard.html" -w '%{http_code}' -b "$jar" "$b/")"
grep -q 'data-testid="signin-form"' "$work/b-dashboard.html" && read_b="sign-in page"
ok=0; { [ "$status" = 302 ] && [ "$read_b" = 200 ]; } || ok=1; check "sign in through A, read the dashboard through B" $ok "sign-in $status, B answered $read_b"

# --- 2. Upload and preview through A, confirm through B ------------------------------------------------------
staff="$work/staff.jar"
sign_in "$staff" "$a" canbo >/dev/null
curl -fs -b "$staff" -c "$staff" "$a/snapshots/upload" -o "$work/upload.html"
curl -s -b "$staff" -c "$staff" -o "$work/preview.html" \
    -F "__RequestVerificationToken=$(token_of "$work/upload.html" upload-form)" -F "Date=2020-08-19" \
    -F "Upload=@tests/BluezoneTracker.Web.Tests/Import/Corpus/template-utf8-bom-comma.csv;filename=so-lieu.csv;type=text/csv" \
    "$a/snapshots/upload?handler=Preview"
confirm_args=()
while IFS=$'\t' read -r name value; do confirm_args+=(--data-urlencode "$name=$value"); done < <(form "$work/preview.html" confirm-form)
if [ "${#confirm_args[@]}" -eq 0 ]; then
    check "upload and preview through A, confirm through B" 1 "A showed no preview to confirm"
else
    location="$(curl -s -o "$work/confirm.html" -w '%{http_code} %{redirect_url}' -b "$staff" -c "$staff" "${confirm_args[@]}" \
        "$b/snapshots/upload?handler=Confirm")"
    why="$(form "$work/confirm.html" text:problems)"
    ok=0; [[ "$location" =~ ^302\ .*/snapshots/2020-08-19(\?saved=1)?$ ]] || ok=1
    check "upload and preview through A, confirm through B" $ok "B answered $location${why:+ — $why}${why:+ (expected until uploads waiting for confirmation live in the store: issue #12 point 3)}"
fi

# --- 3. Write through A, read the new figures through B within 1 s ------------------------------------------
curl -fs -b "$staff" -c "$staff" "$a/account/tokens" -o "$work/tokens.html"
curl -fs -b "$staff" -c "$staff" -o "$work/token.html" --data-urlencode "Input.Name=two-instances" --data-urlencode "Input.Days=1" \
    --data-urlencode "__RequestVerificationToken=$(token_of "$work/tokens.html" action:handler=Create)" "$a/account/tokens?handler=Create"
api_token="$(form "$work/token.html" text:new-token)"
[ -n "$api_token" ] || { echo "no API token was created" >&2; exit 1; }
corpus="tests/BluezoneTracker.Web.Tests/Import/Corpus/template-utf8-bom-comma.csv"
codes=($(awk -F, 'NR > 1 && $1 ~ /^[0-9]+$/ { print $1 }' "$corpus"))
csv_of() { # csv_of BASE → the dispatch's template with every district's count BASE + its code
    head -1 "$corpus"
    awk -F, -v base="$1" 'NR > 1 && $1 ~ /^[0-9]+$/ { print $1 "," $2 "," base + $1 }' "$corpus"
}
sum_of() { local s=0 c; for c in "${codes[@]}"; do s=$(( s + $1 + c )); done; echo "$s"; }
curl -s -o /dev/null -b "$jar" "$b/api/annex?date=2020-08-21"   # B has read the date (no counts) before the write
csv_of 5000 >"$work/write.csv"
created="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $api_token" -H 'Content-Type: text/csv' \
    --data-binary @"$work/write.csv" "$a/api/snapshots/2020-08-21")"
start_ms=$(date +%s%3N); waited=""
while [ $(( $(date +%s%3N) - start_ms )) -le 1000 ]; do
    if curl -s -b "$jar" "$b/api/annex?date=2020-08-21" | grep -q "\"registrations\":$(sum_of 5000)[,}]"; then
        waited=$(( $(date +%s%3N) - start_ms )); break
    fi
    sleep 0.05
done
if [ -n "$waited" ] && [ "$waited" -gt 1000 ]; then waited=""; fi
ok=0; { [ "$created" = 201 ] && [ -n "$waited" ]; } || ok=1; check "write through A, new figures read through B within 1 s" $ok "A answered $created; B showed $(sum_of 5000) after ${waited:-more than 1000} ms"

# --- 4. Load through nginx, kill -9 B and restart it ---------------------------------------------------------
cookie="$(cookie_header "$jar")"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "Load average before the load: $load_before"
echo "Load: $readers readers (wrk) and $uploaders uploaders (curl) through nginx for ${duration}s; kill -9 B at $((duration / 3))s"
# The load lasts DURATION seconds, and at least AFTER seconds once B is back (so that "after the restart window" is
# measured however long B takes to start): wrk runs until it is interrupted, and prints its summary then.
load_start=$(date +%s%3N)
wrk -t2 -c"$readers" -d"$(( duration + 900 ))s" --timeout 10s -s "$here/reader.lua" -H "Cookie: $cookie" "$proxy" >"$work/wrk.out" 2>&1 &
pid_wrk=$!
uploader() { # uploader K: posts revisions of the date 2020-09-0K until the end; logs "status revision sum" per attempt
    local date="2020-09-0$1" i=0 out
    while [ ! -e "$work/stop" ]; do
        i=$((i + 1))
        csv_of $(( $1 * 100000 + i )) >"$work/up-$1.csv"
        out="$(curl -s -m 30 -w '\n%{http_code}' -H "Authorization: Bearer $api_token" -H 'Content-Type: text/csv' \
            --data-binary @"$work/up-$1.csv" "$proxy/api/snapshots/$date?reason=load+$i" || true)"
        echo "$(tail -1 <<<"$out") $(grep -o '"revision":[0-9]*' <<<"$out" | cut -d: -f2) $(sum_of $(( $1 * 100000 + i )))" >>"$work/up-$1.log"
    done
}
uploader_pids=()
for k in $(seq 1 "$uploaders"); do uploader "$k" & uploader_pids+=($!); done
sleep $(( duration / 3 ))
killed_at=$(date +%s%3N)
kill -9 "$pid_b"; wait "$pid_b" 2>/dev/null || true
pid_b="$(start_app b "$b")"; wait_ready "$b" "$work/b.log"
ready_at=$(date +%s%3N)
restart_ms=$(( ready_at - killed_at ))
stop_at=$(( load_start + duration * 1000 ))
[ "$stop_at" -ge $(( ready_at + after * 1000 )) ] || stop_at=$(( ready_at + after * 1000 ))
while [ "$(date +%s%3N)" -lt "$stop_at" ]; do sleep 0.2; done
kill -INT "$pid_wrk"; touch "$work/stop"
wait "$pid_wrk" || true
load_end=$(date +%s%3N)
wait "${uploader_pids[@]}" || true
echo "Load: $(( (load_end - load_start) / 1000 )) s; B killed at $(( (killed_at - load_start) / 1000 )) s, ready again at $(( (ready_at - load_start) / 1000 )) s"
echo "Load average after the load: $(cut -d' ' -f1-3 /proc/loadavg)"

statuses="$(awk '/^statuses/ { $1 = ""; print }' "$work/wrk.out")"
errors="$(awk '/^errors/ { $1 = ""; print }' "$work/wrk.out")"
rps="$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.out")"
# Every answer nginx gave, by when it was given (nginx's $msec): before the kill, from the kill until B answered
# /health/ready again (the restart window, where the issue allows a clean 502), after. Readers are the wrk GETs of
# /, /annex and /api/annex; uploads the POSTs. A 499 once the load is stopped is a request abandoned at its end.
windows="$(python3 - "$work/nginx/access.log" "$killed_at" "$ready_at" "$stop_at" <<'PY'
import collections, sys
log, killed, ready, end = sys.argv[1], *(int(v) / 1000 for v in sys.argv[2:])
counts = collections.defaultdict(collections.Counter)
slow = collections.Counter()
for line in open(log):
    f = line.split()
    if len(f) < 7:
        continue
    t, status, method, took, uri = float(f[0]), f[1], f[2], float(f[3]), f[-1]
    kind = "reader" if method == "GET" and uri in ("/", "/annex", "/api/annex") else "upload" if method == "POST" else None
    if kind is None:
        continue
    window = "before" if t < killed else "during" if t <= ready else "after"
    if status == "499" and t >= end:
        window = "cut"
    counts[kind, window][status] += 1
    if kind == "reader" and took > 10:
        slow[window] += 1
for kind in ("reader", "upload"):
    for window in ("before", "during", "after", "cut"):
        c = counts[kind, window]
        print(kind, window, " ".join(f"{s}×{n}" for s, n in sorted(c.items())) or "none",
              sum(n for s, n in c.items() if not s.startswith("2") and not (window == "during" and s in ("502", "503")) and window != "cut"),
              slow[window] if kind == "reader" else 0)
PY
)"
echo "$windows" | awk '{ printf "  %s %s the restart window: %s", $1, $2, $3; for (i = 4; i <= NF - 2; i++) printf " %s", $i; printf "\n" }'
window_of() { awk -v k="$1" -v w="$2" '$1 == k && $2 == w { s = ""; for (i = 3; i <= NF - 2; i++) s = s (s ? " " : "") $i; print s }' <<<"$windows"; }
unclean="$(awk '$1 == "reader" { n += $(NF - 1) } END { print n + 0 }' <<<"$windows")"
slow_readers="$(awk '$1 == "reader" { n += $NF } END { print n + 0 }' <<<"$windows")"
socket_errors="$(tr ' ' '\n' <<<"$errors" | awk -F= '$1 != "status" && $1 != "timeout" && $2 != "" { n += $2 } END { print n + 0 }')"
ok=0; { [ "$unclean" = 0 ] && [ "$socket_errors" = 0 ]; } || ok=1
check "readers saw only 2xx outside the restart window, and only 2xx, 502 or 503 inside it" $ok \
    "before: $(window_of reader before); during (${restart_ms} ms): $(window_of reader during); after: $(window_of reader after); wrk socket errors:$errors ($slow_readers answers took over 10 s)"

cat "$work"/up-*.log >"$work/uploads.log"
ok201="$(awk '$1 == 201' "$work/uploads.log" | wc -l)"
not201="$(awk '$1 != 201' "$work/uploads.log" | wc -l)"
bad_uploads="$(awk '$1 != 201 && $1 != 502 { print $1 }' "$work/uploads.log" | sort | uniq -c | tr '\n' ' ')"
lost=0 duplicated=0 extra=0
for k in $(seq 1 "$uploaders"); do
    date="2020-09-0$k"
    stored="$(sql "SELECT r.\"Number\" FROM \"SnapshotRevisions\" r JOIN \"Areas\" a ON a.\"Id\" = r.\"AreaId\" WHERE a.\"Code\" = '14' AND r.\"Date\" = '$date' ORDER BY r.\"Number\"")"
    for n in $(awk '$1 == 201 { print $2 }' "$work/up-$k.log"); do
        c="$(grep -cx "$n" <<<"$stored" || true)"
        if [ "$c" = 0 ]; then lost=$((lost + 1)); fi
        if [ "$c" -gt 1 ]; then duplicated=$((duplicated + 1)); fi
    done
    # Revisions in the store that no 201 announced: uploads whose answer was lost (a 502 after the commit).
    extra=$(( extra + $(grep -c . <<<"$stored" || true) - $(awk '$1 == 201' "$work/up-$k.log" | wc -l) ))
done
ok=0; { [ "$lost" = 0 ] && [ "$duplicated" = 0 ] && [ "$ok201" -gt 0 ]; } || ok=1
check "every 201 is in the store exactly once" $ok "$ok201 answered 201, $not201 did not (${bad_uploads:-none other than 502}); lost $lost, duplicated $duplicated; $extra stored without a 201"

mismatch=0 compared=""
for k in $(seq 1 "$uploaders"); do
    date="2020-09-0$k"
    # Independent of the app: the latest revision's rows summed in SQL, plus its unassigned count.
    recomputed="$(sql "SELECT COALESCE(SUM(c.\"Registrations\"), 0) + r.\"Unassigned\" FROM \"SnapshotRevisions\" r JOIN \"Areas\" a ON a.\"Id\" = r.\"AreaId\" LEFT JOIN \"SnapshotCounts\" c ON c.\"RevisionId\" = r.\"Id\" WHERE a.\"Code\" = '14' AND r.\"Date\" = '$date' GROUP BY r.\"Id\", r.\"Number\", r.\"Unassigned\" ORDER BY r.\"Number\" DESC LIMIT 1")"
    # Through nginx; a few tries, since a proxy that has just marked both instances down answers 502 for 2 s.
    shown=""
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        shown="$(curl -s -b "$jar" "$proxy/api/annex?date=$date" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"]["registrations"])' 2>/dev/null)" && break
        sleep 1
    done
    last="$(tail -1 "$work/up-$k.log")"
    # When the uploader's last attempt was answered 201, its own sum is a third opinion.
    sent="$(awk '$1 == 201 { print $3 }' <<<"$last")"
    if [ "$recomputed" != "$shown" ] || { [ -n "$sent" ] && [ "$sent" != "$shown" ]; }; then mismatch=$((mismatch + 1)); fi
    compared+="$date $shown/${recomputed}${sent:+/$sent}; "
done
ok=0; [ "$mismatch" = 0 ] || ok=1; check "figures after the load equal a recomputation from the store" $ok "app/SQL[/sent]: $compared"

echo
echo "| store | pool | load average | readers | uploaders | duration | reader requests/s | readers before the kill | during the restart | after | answers over 10 s | wrk socket errors | uploads before / during / after | 201 | lost | duplicated | stored without a 201 | B ready again after |"
echo "|---|---:|---|---:|---:|---:|---:|---|---|---|---:|---|---|---:|---:|---:|---:|---:|"
echo "| $provider | ${pool:-—} | $load_before → $(cut -d' ' -f1-3 /proc/loadavg) | $readers | $uploaders | ${duration}s | $rps | $(window_of reader before) | $(window_of reader during) | $(window_of reader after) | $slow_readers |$errors | $(window_of upload before) / $(window_of upload during) / $(window_of upload after) | $ok201 | $lost | $duplicated | $extra | ${restart_ms} ms |"
echo
echo "$failures failed"
exit $(( failures > 0 ))
