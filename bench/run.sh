#!/usr/bin/env bash
# The `make bench` report: Stafett's throughput and latency for one page,
# measured next to nginx serving the very same bytes as a static file.
#
# Usage: bench/run.sh            (normally via `make bench`)
#
# Environment:
#   STAFETT_BIN      server binary (default: build-release/stafett)
#   BENCH_PATH       path to measure (default: /)
#   BENCH_ROUNDS     rounds per target (default: 3)
#   BENCH_SECONDS    seconds per wrk run (default: 5)
#   BENCH_WARMUP     seconds of unmeasured warm-up per target (default: 1, 0 = none)
#   BENCH_START_TIMEOUT  seconds to wait for the server to come up (default: 30)
#   BENCH_LOGIN      demo person id to log in as (default: none, anonymous);
#                    the session cookie goes with every request
#   BENCH_LOGS       extra fictional logs to generate (default: 0, none)
#   BENCH_ENTRIES    entries spread over them (default: 0); with BENCH_LOGS,
#                    demo log 1 also gets BENCH_MEASURED_ENTRIES (default 200)
#   BENCH_BASELINE_BIN  a second server binary, measured as "baseline" on the
#                    same database in the same rounds (default: none); `make
#                    bench-recording` passes one built with
#                    -DSTAFETT_BENCH_WITHOUT_ACCESS_RECORDS=ON
#
# Everything runs on 127.0.0.1 in a temporary directory that is removed on exit,
# together with the server and nginx, also on Ctrl-C/SIGTERM. The numbers are a
# report, never a pass/fail threshold: the script exits 0 unless something
# failed to start or crashed. See bench/README.md for how to read them.
set -euo pipefail
# The cleanup functions are only reached through traps, which shellcheck
# cannot see (SC2317 "unreachable command").
# shellcheck disable=SC2317

# Started with `&` by a non-interactive shell, we inherit SIGINT as ignored and
# bash cannot trap it; re-exec once with the default disposition so that
# SIGINT still stops the server and nginx and removes the temp dir.
if [[ -z ${STAFETT_BENCH_REEXEC:-} && $(trap -p INT) == "trap -- '' SIGINT" ]]; then
    STAFETT_BENCH_REEXEC=1 exec env --default-signal=INT "$BASH" "${BASH_SOURCE[0]}" "$@"
fi
unset STAFETT_BENCH_REEXEC

log() { printf 'bench: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STAFETT_BIN=${STAFETT_BIN:-$REPO_ROOT/build-release/stafett}
BENCH_PATH=${BENCH_PATH:-/}
BENCH_ROUNDS=${BENCH_ROUNDS:-3}
BENCH_SECONDS=${BENCH_SECONDS:-5}
BENCH_WARMUP=${BENCH_WARMUP:-1}
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-30}
BENCH_LOGIN=${BENCH_LOGIN:-}
BENCH_LOGS=${BENCH_LOGS:-0}
BENCH_ENTRIES=${BENCH_ENTRIES:-0}
BENCH_MEASURED_ENTRIES=${BENCH_MEASURED_ENTRIES:-200}
BENCH_BASELINE_BIN=${BENCH_BASELINE_BIN:-}
NGINX=/usr/sbin/nginx
# Fixed load shape, so that numbers from different runs are comparable.
WRK_THREADS=1
WRK_CONNECTIONS=32

for var in BENCH_ROUNDS BENCH_SECONDS BENCH_START_TIMEOUT; do
    [[ ${!var} =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer (got '${!var}')"
done
for var in BENCH_LOGS BENCH_ENTRIES BENCH_MEASURED_ENTRIES; do
    [[ ${!var} =~ ^[0-9]+$ ]] || die "$var must be a non-negative integer (got '${!var}')"
done
[[ -z $BENCH_LOGIN || $BENCH_LOGIN =~ ^[1-9][0-9]*$ ]] || die "BENCH_LOGIN must be a person id (got '$BENCH_LOGIN')"
[[ $BENCH_WARMUP =~ ^[0-9]+$ ]] || die "BENCH_WARMUP must be a non-negative integer (got '$BENCH_WARMUP')"
[[ $BENCH_PATH == /* ]] || die "BENCH_PATH must start with / (got '$BENCH_PATH')"
[[ -x $STAFETT_BIN ]] || die "server binary $STAFETT_BIN not found; build the release binary first (or set STAFETT_BIN)"
[[ -z $BENCH_BASELINE_BIN || -x $BENCH_BASELINE_BIN ]] || die "baseline binary $BENCH_BASELINE_BIN not found"
[[ -x $NGINX ]] || die "$NGINX not found (run scripts/install-deps.sh)"
for tool in wrk curl; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found (run scripts/install-deps.sh)"
done

# --- temporary directory and cleanup ---------------------------------------
tmp=""
server_pid=""
baseline_pid=""
nginx_pid=""
wrk_pid=""
cleaned=0

# Sends SIGTERM to a child and waits (up to 10 s, then SIGKILL); leaves the
# child's exit status in $stopped_status (no $(...): a subshell cannot wait for
# our children).
stopped_status=0
stop_child() {
    local pid=$1 name=$2 rc=0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "warning: $name did not stop within 10 s of SIGTERM; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || rc=$?
    stopped_status=$rc
}

cleanup() {
    ((cleaned)) && return 0
    cleaned=1
    if [[ -n $wrk_pid ]]; then
        kill -TERM "$wrk_pid" 2>/dev/null || true
        wait "$wrk_pid" 2>/dev/null || true
    fi
    if [[ -n $nginx_pid ]]; then
        stop_child "$nginx_pid" nginx
    fi
    if [[ -n $baseline_pid ]]; then
        stop_child "$baseline_pid" baseline
    fi
    if [[ -n $server_pid ]]; then
        stop_child "$server_pid" stafett
        # 143 = killed by the SIGTERM itself, which is also a clean stop.
        if ((stopped_status != 0 && stopped_status != 143)); then
            log "warning: stafett exited with status $stopped_status after SIGTERM; last lines of its log:"
            tail -n 20 "$tmp/server.log" >&2 2>/dev/null || true
        fi
    fi
    if [[ -n $tmp ]]; then
        rm -rf -- "$tmp"
    fi
}

on_signal() {
    trap '' INT TERM # no re-entry while cleaning up
    log "interrupted by SIG$1; stopping"
    cleanup
    exit "$2"
}

trap cleanup EXIT
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM
trap 'on_signal HUP 129' HUP

if [[ $EUID -eq 0 ]]; then
    # As root, nginx's worker runs as nobody and must be able to reach the
    # document root, so use /tmp (not a possibly private $TMPDIR) and let
    # others traverse (but not list) the directory.
    tmp=$(mktemp -d /tmp/stafett-bench.XXXXXX)
    chmod 711 "$tmp"
else
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/stafett-bench.XXXXXX")
fi
mkdir -p "$tmp/www" "$tmp/nginx-tmp"
chmod 755 "$tmp/www"

# Prints the last lines of a log file to stderr (before the directory goes).
show_log() {
    log "last lines of $1:"
    tail -n 30 "$1" >&2 2>/dev/null || true
}

# --- free loopback port ---------------------------------------------------
# A successful connect means the port is taken, "connection refused" that it
# is free; the small race until nginx binds it is accepted.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
free_port() {
    local candidate
    for _ in $(seq 50); do
        candidate=$((20000 + (RANDOM * 32768 + RANDOM) % 40001))
        if ! port_in_use "$candidate"; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

# --- Stafett ------------------------------------------------------------------
db_url="sqlite:$tmp/bench.db"
log "preparing the demo database"
for step in migrate seed-demo; do
    if ! "$STAFETT_BIN" "$step" --database-url "$db_url" --key-file "$tmp/keys" >>"$tmp/prepare.log" 2>&1; then
        show_log "$tmp/prepare.log"
        die "stafett $step failed"
    fi
done
if ((BENCH_LOGS > 0)); then
    log "generating $BENCH_LOGS fictional logs with $BENCH_ENTRIES entries (+$BENCH_MEASURED_ENTRIES in log 1)"
    if ! "$STAFETT_BIN" seed-bench --database-url "$db_url" --key-file "$tmp/keys" --logs "$BENCH_LOGS" \
        --entries "$BENCH_ENTRIES" --measured-entries "$BENCH_MEASURED_ENTRIES" >>"$tmp/prepare.log" 2>&1; then
        show_log "$tmp/prepare.log"
        die "stafett seed-bench failed"
    fi
    tail -n 1 "$tmp/prepare.log" | sed 's/^/bench: /' >&2
fi

serve_flags=()
[[ -n $BENCH_LOGIN ]] && serve_flags+=(--demo)

# Starts server binary $1 with its log in $2; puts its pid in the variable
# named $3 (at once, so cleanup can stop it) and its port in $started_port.
started_port=""
start_server() {
    local bin=$1 server_log=$2 pid_var=$3 port_file port="" deadline
    port_file="$server_log.port"
    log "starting $bin"
    "$bin" serve --listen 127.0.0.1:0 --port-file "$port_file" "${serve_flags[@]}" \
        --database-url "$db_url" --key-file "$tmp/keys" --web-root "$REPO_ROOT/web" >"$server_log" 2>&1 &
    printf -v "$pid_var" '%s' "$!"
    deadline=$((SECONDS + BENCH_START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if ! kill -0 "${!pid_var}" 2>/dev/null; then
            printf -v "$pid_var" '%s' ""
            show_log "$server_log"
            die "$bin exited before it was ready"
        fi
        if [[ -s $port_file ]]; then
            port=$(tr -d '[:space:]' <"$port_file")
            [[ $port =~ ^[0-9]+$ ]] && break
            port=""
        fi
        sleep 0.1
    done
    if [[ -z $port ]]; then
        show_log "$server_log"
        die "$bin did not write its port file within ${BENCH_START_TIMEOUT} s"
    fi
    started_port=$port
}

# Logs in as demo person BENCH_LOGIN on the server at port $1 and puts the
# curl/wrk arguments for its session cookie in the array named $2.
log_in() {
    local base="http://127.0.0.1:$1" login_csrf session
    local -n into=$2
    into=()
    [[ -n $BENCH_LOGIN ]] || return 0
    # The cookies are __Host- cookies (Secure): curl will not keep them from
    # plain http, so they are read from the Set-Cookie headers instead.
    curl -sS --max-time 10 --retry 5 --retry-connrefused --retry-delay 1 -D "$tmp/login-headers" -o /dev/null \
        "$base/logg-inn" || die "could not fetch the login page"
    login_csrf=$(sed -n 's/^[Ss]et-[Cc]ookie: __Host-stafett_login=\([^;]*\).*/\1/p' "$tmp/login-headers" | tr -d '\r')
    [[ -n $login_csrf ]] || die "no login CSRF cookie"
    curl -sS --max-time 10 -H "Cookie: __Host-stafett_login=$login_csrf" -D "$tmp/session-headers" -o /dev/null \
        --data "_csrf=$login_csrf&person=$BENCH_LOGIN&kind=employee" "$base/demo/logg-inn" || die "demo login failed"
    session=$(sed -n 's/^[Ss]et-[Cc]ookie: __Host-stafett_session=\([^;]*\).*/\1/p' "$tmp/session-headers" | tr -d '\r')
    [[ -n $session ]] || die "demo login as person $BENCH_LOGIN gave no session"
    # shellcheck disable=SC2034 # `into` is a nameref: the caller's array
    into=(-H "Cookie: __Host-stafett_session=$session")
    log "logged in as demo person $BENCH_LOGIN on port $1"
}

start_server "$STAFETT_BIN" "$tmp/server.log" server_pid
stafett_port=$started_port
stafett_url="http://127.0.0.1:$stafett_port$BENCH_PATH"
cookie_header=()
log_in "$stafett_port" cookie_header
baseline_cookie=()
baseline_url=""
if [[ -n $BENCH_BASELINE_BIN ]]; then
    start_server "$BENCH_BASELINE_BIN" "$tmp/server-baseline.log" baseline_pid
    baseline_url="http://127.0.0.1:$started_port$BENCH_PATH"
    log_in "$started_port" baseline_cookie
fi

# Save the page (body and headers) that nginx will serve as its static copy.
status=$(curl -sS --max-time 10 --retry 5 --retry-connrefused --retry-delay 1 "${cookie_header[@]}" \
    -o "$tmp/www/index.html" -D "$tmp/headers.txt" -w '%{http_code}' "$stafett_url") ||
    die "could not fetch $stafett_url"
chmod 644 "$tmp/www/index.html"
case $status in
    2??) ;;
    3??) log "warning: $BENCH_PATH answers $status (a redirect); nginx serves its body with 200" ;;
    *)
        show_log "$tmp/server.log"
        die "GET $BENCH_PATH answered HTTP $status"
        ;;
esac

# --- nginx --------------------------------------------------------------------
# Turns Stafett's response headers into nginx directives, so that both send a
# similar header block (Content-Type, Cache-Control: no-store, security
# headers, cookies). Headers that nginx computes itself, or that describe the
# connection, are left out.
write_nginx_headers() {
    local line name value content_type="text/html; charset=utf-8"
    local -a directives=()
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%$'\r'}
        [[ -z $line || $line == HTTP/* || $line != *:* ]] && continue
        name=${line%%:*}
        value=${line#*:}
        value=${value#"${value%%[![:space:]]*}"} # trim leading blanks
        # nginx expands $variables inside strings and has no escape for "$";
        # such a value (rare) is skipped rather than mangled.
        if [[ ! $name =~ ^[A-Za-z0-9_-]+$ || $value == *'$'* ]]; then
            log "note: not copying header '$name' to nginx"
            continue
        fi
        value=${value//\\/\\\\}
        value=${value//\"/\\\"}
        case ${name,,} in
            content-type) content_type=$value ;;
            date | server | content-length | connection | keep-alive | transfer-encoding | \
                etag | last-modified | accept-ranges | content-encoding) ;;
            *) directives+=("add_header $name \"$value\" always;") ;;
        esac
    done <"$tmp/headers.txt"
    {
        printf '# Generated by bench/run.sh from Stafett'\''s response to GET %s\n' "$BENCH_PATH"
        printf 'types { }\n'
        printf 'default_type "%s";\n' "$content_type"
        if ((${#directives[@]} > 0)); then
            printf '%s\n' "${directives[@]}"
        fi
    } >"$tmp/response-headers.conf"
}
write_nginx_headers

nginx_port=$(free_port) || die "no free port found for nginx"
# Substitute the placeholders; escape characters special to sed's replacement.
tmp_sed=$(printf '%s' "$tmp" | sed 's/[\\&|]/\\&/g')
sed -e "s|@TMPDIR@|$tmp_sed|g" -e "s|@PORT@|$nginx_port|g" \
    "$REPO_ROOT/bench/nginx.conf.in" >"$tmp/nginx.conf"

if ! "$NGINX" -t -q -c "$tmp/nginx.conf" -p "$tmp/" -e "$tmp/nginx-error.log" 2>"$tmp/nginx-test.log"; then
    cat "$tmp/nginx-test.log" >&2
    die "nginx rejected the generated configuration"
fi
log "starting nginx on 127.0.0.1:$nginx_port"
# -e: nginx opens its default error log before reading the configuration,
# which a non-root user may not write; keep that one in the temp dir too.
"$NGINX" -c "$tmp/nginx.conf" -p "$tmp/" -e "$tmp/nginx-error.log" >"$tmp/nginx.out" 2>&1 &
nginx_pid=$!
nginx_url="http://127.0.0.1:$nginx_port$BENCH_PATH"
for _ in $(seq 100); do
    if ! kill -0 "$nginx_pid" 2>/dev/null; then
        nginx_pid=""
        cat "$tmp/nginx.out" >&2
        show_log "$tmp/nginx-error.log"
        die "nginx exited before it was ready"
    fi
    port_in_use "$nginx_port" && break
    sleep 0.1
done
nginx_status=$(curl -sS --max-time 10 -o "$tmp/nginx-check.html" -w '%{http_code}' "$nginx_url") ||
    die "could not fetch $nginx_url"
if [[ $nginx_status != 200 ]] || ! cmp -s "$tmp/nginx-check.html" "$tmp/www/index.html"; then
    show_log "$tmp/nginx-error.log"
    die "nginx does not serve the saved page (HTTP $nginx_status)"
fi

# --- measurements -----------------------------------------------------------
# Runs wrk in the background and waits, so that Ctrl-C/SIGTERM are handled at
# once instead of after the run. Output goes to $3.
run_wrk() {
    local url=$1 seconds=$2 out=$3 target=${4:-stafett} rc=0
    local -a cookie=()
    case $target in
        stafett) cookie=("${cookie_header[@]}") ;;
        baseline) cookie=("${baseline_cookie[@]}") ;;
    esac
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${seconds}s" --latency "${cookie[@]}" "$url" >"$out" 2>&1 &
    wrk_pid=$!
    wait "$wrk_pid" || rc=$?
    wrk_pid=""
    if ((rc != 0)); then
        cat "$out" >&2
        die "wrk failed against $url (exit $rc)"
    fi
}

# Prints "requests/s p50_ms p99_ms non_2xx_3xx socket_errors" from wrk output.
parse_wrk() {
    awk '
        function ms(v,   n, u) {
            n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
            if (u == "us") return n / 1000
            if (u == "s") return n * 1000
            if (u == "m") return n * 60000
            if (u == "h") return n * 3600000
            return n   # "ms"
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { bad = $NF }
        /Socket errors:/ { gsub(/,/, ""); errs = $4 + $6 + $8 + $10 }
        END {
            if (rps == "" || p50 == "" || p99 == "") exit 1
            printf "%.2f %.3f %.3f %d %d\n", rps, p50, p99, bad, errs
        }' "$1"
}

# Median of the numbers on stdin, one per line.
median() {
    sort -g | awk '{ v[NR] = $1 }
        END {
            if (NR == 0) { print "nan"; exit }
            if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2
        }'
}

measure() {
    local target=$1 url=$2 round=$3 result rps p50 p99
    run_wrk "$url" "$BENCH_SECONDS" "$tmp/wrk-$target-$round.txt" "$target"
    if [[ $target == stafett ]] && ! kill -0 "$server_pid" 2>/dev/null; then
        server_pid=""
        show_log "$tmp/server.log"
        die "stafett died during the benchmark"
    fi
    if [[ $target == baseline ]] && ! kill -0 "$baseline_pid" 2>/dev/null; then
        baseline_pid=""
        show_log "$tmp/server-baseline.log"
        die "the baseline server died during the benchmark"
    fi
    result=$(parse_wrk "$tmp/wrk-$target-$round.txt") || {
        cat "$tmp/wrk-$target-$round.txt" >&2
        die "could not read wrk's output"
    }
    printf '%s\n' "$result" >>"$tmp/results-$target.txt"
    read -r rps p50 p99 _ _ <<<"$result"
    log "round $round/$BENCH_ROUNDS $target: $rps req/s, p50 $p50 ms, p99 $p99 ms"
}

url_of() {
    case $1 in
        stafett) printf '%s\n' "$stafett_url" ;;
        baseline) printf '%s\n' "$baseline_url" ;;
        *) printf '%s\n' "$nginx_url" ;;
    esac
}

targets=(stafett nginx)
[[ -n $BENCH_BASELINE_BIN ]] && targets+=(baseline)

log "measuring GET $BENCH_PATH: $BENCH_ROUNDS rounds x ${BENCH_SECONDS} s per target, wrk -t$WRK_THREADS -c$WRK_CONNECTIONS"
if ((BENCH_WARMUP > 0)); then
    for target in "${targets[@]}"; do
        run_wrk "$(url_of "$target")" "$BENCH_WARMUP" "$tmp/wrk-warmup-$target.txt" "$target"
    done
fi
# Alternate the targets, and their order from round to round (A B, B A, ...;
# with three, each round starts one later), so that slow drift of the machine
# (heat, other load) hits them alike.
for ((round = 1; round <= BENCH_ROUNDS; round++)); do
    order=()
    if ((${#targets[@]} == 2)); then
        if ((round % 2)); then order=(stafett nginx); else order=(nginx stafett); fi
    else
        for ((i = 0; i < ${#targets[@]}; i++)); do order+=("${targets[(i + round - 1) % ${#targets[@]}]}"); done
    fi
    for target in "${order[@]}"; do
        measure "$target" "$(url_of "$target")" "$round"
    done
done

# --- report -------------------------------------------------------------------
declare -A RPS P50 P99
for target in "${targets[@]}"; do
    f="$tmp/results-$target.txt"
    RPS[$target]=$(awk '{ print $1 }' "$f" | median)
    P50[$target]=$(awk '{ print $2 }' "$f" | median)
    P99[$target]=$(awk '{ print $3 }' "$f" | median)
    read -r bad errs < <(awk '{ b += $4; e += $5 } END { print b + 0, e + 0 }' "$f")
    if ((bad > 0 || errs > 0)); then
        log "warning: $target had $bad non-2xx/3xx responses and $errs socket errors; its numbers are suspect"
    fi
done
ratio=$(awk -v s="${RPS[stafett]}" -v n="${RPS[nginx]}" 'BEGIN {
    if (n <= 0) print "n/a"; else if (s / n < 0.1) printf "%.3f", s / n; else printf "%.2f", s / n }')

echo
((BENCH_LOGS > 0)) && echo "dataset: demo + $BENCH_LOGS fictional logs, $BENCH_ENTRIES entries; log 1 has $BENCH_MEASURED_ENTRIES more"
[[ -n $BENCH_LOGIN ]] && echo "logged in as demo person $BENCH_LOGIN; page size $(wc -c <"$tmp/www/index.html") bytes"
echo "GET $BENCH_PATH on 127.0.0.1, $(nproc) cores, wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${BENCH_SECONDS}s, median of $BENCH_ROUNDS rounds"
printf '%-8s %12s %10s %10s\n' target requests/s 'p50 ms' 'p99 ms'
for target in "${targets[@]}"; do
    printf '%-8s %12.0f %10.3f %10.3f\n' "$target" "${RPS[$target]}" "${P50[$target]}" "${P99[$target]}"
done
echo "ratio stafett/nginx (requests/s): $ratio"
if [[ -n $BENCH_BASELINE_BIN ]]; then
    awk -v s="${RPS[stafett]}" -v b="${RPS[baseline]}" -v sp="${P99[stafett]}" -v bp="${P99[baseline]}" 'BEGIN {
        if (b <= 0 || bp <= 0) { print "ratio stafett/baseline: n/a"; exit }
        printf "ratio stafett/baseline (requests/s): %.2f\n", s / b
        printf "ratio stafett/baseline (p99 latency): %.2f\n", sp / bp }'
fi
