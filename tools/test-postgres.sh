#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests (docs/decisions/070), from Debian's `postgresql` package.
#   tools/test-postgres.sh start DIR   → initialises a cluster in DIR, starts it (Unix socket in DIR only, no TCP),
#                                        creates the role "bluezone" (may create databases) and its database
#                                        "bluezone", and prints the Npgsql connection string for BLUEZONE_TEST_POSTGRES.
#   tools/test-postgres.sh stop DIR    → stops that server (the caller deletes DIR).
# Root cannot run a PostgreSQL server: as root the cluster belongs to, and runs as, the "postgres" user.
set -euo pipefail
action="${1:?start|stop}"
dir="${2:?directory}"
port="${BLUEZONE_TEST_PG_PORT:-55432}"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$bindir/pg_ctl" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=reject \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -p $port -c max_connections=300 -c autovacuum=off -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
        start >/dev/null
    as_owner "$bindir/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE bluezone LOGIN CREATEDB" -c "GRANT pg_signal_backend TO bluezone" -c "CREATE DATABASE bluezone OWNER bluezone" >/dev/null
    echo "Host=$dir;Port=$port;Username=bluezone;Database=bluezone;Pooling=true"
    ;;
stop)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2; exit 2
    ;;
esac
