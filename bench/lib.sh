# Shared by the bench scripts (source it after `cd` to the repository root): a Release build of the app,
# published to a temporary folder and started on a loopback port, stopped and removed on exit.
# Only ever 127.0.0.1.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# bench_init PORT: sets $base and $work (a temp folder removed on exit); refuses a port already in use.
bench_init() {
    base="http://127.0.0.1:$1"
    if curl -s -o /dev/null "$base/health"; then echo "Port $1 is already in use" >&2; exit 1; fi
    work="$(mktemp -d)"
    app_pid=""
    trap bench_cleanup EXIT
}

bench_cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}

# bench_publish: the app in Release under $work/app.
# APP_DIR=folder uses an app already published there (copied) instead of publishing again.
bench_publish() {
    if [ -n "${APP_DIR:-}" ]; then cp -r "$APP_DIR" "$work/app"; return; fi
    echo "Publishing (Release)…" >&2
    dotnet publish src/BluezoneTracker.Web -c Release -o "$work/app" --nologo -v q >&2
}

# bench_start_app [APP ARGUMENTS…]: starts the published app on $base (Staging: the production pipeline with
# the demo accounts; logging quiet as in production), waits until /health answers; its log is $work/app.log.
bench_start_app() {
    (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Staging Logging__LogLevel__Default=Warning \
        ./BluezoneTracker.Web --urls "$base" "$@" >"$work/app.log" 2>&1) &
    app_pid=$!
    # 180 s: on a 2-core machine shared with other builds a cold start of the published app has taken over 60 s.
    for _ in $(seq 1 180); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 1; done
    curl -fs "$base/health" >/dev/null || { cat "$work/app.log" >&2; exit 1; }
}

# bench_signin_token JAR: fetches the sign-in page into the cookie jar JAR and prints its anti-forgery token.
bench_signin_token() {
    curl -fs -c "$1" -b "$1" "$base/account/signin" \
        | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)"/\1/'
}

# bench_signin_cookie USER: signs USER (demo password) in through the form and prints the Cookie header value.
bench_signin_cookie() {
    local jar="$work/jar-$1" token status
    rm -f "$jar"
    token="$(bench_signin_token "$jar")"
    status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
        --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=Bluezone@2020" \
        --data-urlencode "__RequestVerificationToken=$token" "$base/account/signin")"
    [ "$status" = 302 ] || { echo "sign-in of $1 failed: $status" >&2; return 1; }
    sed -E 's/^#HttpOnly_//' "$jar" | awk -F'\t' 'NF == 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep="; " }'
}

# bench_stop_app: stops the app started by bench_start_app (before starting it again over another store).
bench_stop_app() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi
}
