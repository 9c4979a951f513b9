#!/usr/bin/env bash
# The cleanup functions are only reached through traps, which shellcheck
# cannot see (SC2317 "unreachable command").
# shellcheck disable=SC2317
#
# Runs a command against a throwaway PostgreSQL 15 server.
#
# Usage: scripts/with-postgres.sh [--] CMD [ARGS...]
#
# Creates a fresh cluster in a temporary directory, starts it on a free
# loopback port, runs CMD with
#     STAFETT_TEST_PG_URL=postgresql://stafett@127.0.0.1:PORT/postgres
# exported (user "stafett" is a superuser with trust authentication; tests
# create their own databases), then stops the server and deletes the
# directory -- also on Ctrl-C, SIGTERM or failure -- and exits with CMD's
# exit status (128+N when interrupted by signal N).
#
# As root it runs PostgreSQL as the system user "stafett-pg" (created on first
# use), because PostgreSQL refuses to run as root.
set -euo pipefail

# A script started with `&` by a non-interactive shell inherits SIGINT as
# ignored, and bash cannot trap a signal that was ignored on entry; then
# `kill -INT` (or Ctrl-C in a parent script) would not stop us promptly. Re-exec
# once with the default disposition so that the INT trap below works.
if [[ -z ${STAFETT_WITH_PG_REEXEC:-} && $(trap -p INT) == "trap -- '' SIGINT" ]]; then
    STAFETT_WITH_PG_REEXEC=1 exec env --default-signal=INT "$BASH" "${BASH_SOURCE[0]}" "$@"
fi
unset STAFETT_WITH_PG_REEXEC

log() { printf 'with-postgres: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Debian's versioned binaries, never whatever `initdb`/`pg_ctl` is first on
# PATH: /usr/local/bin may hold unrelated wrappers.
PG_BIN=/usr/lib/postgresql/15/bin
PG_USER=stafett-pg

if [[ ${1:-} == -- ]]; then
    shift
fi
if (($# == 0)); then
    die "usage: $0 -- CMD [ARGS...]"
fi
for tool in initdb pg_ctl postgres; do
    [[ -x $PG_BIN/$tool ]] || die "$PG_BIN/$tool not found (run scripts/install-deps.sh)"
done

# --- state shared with the cleanup trap -------------------------------------
tmp=""
cmd_pid=""
cleaned=0
as_pg=() # prefix that runs a command as the PostgreSQL user

# Runs a PostgreSQL tool as the PostgreSQL user from inside the temp dir (the
# caller's working directory, e.g. /root, may be unreadable for that user,
# which makes initdb and pg_ctl fail).
pg() {
    (cd "$tmp" && "${as_pg[@]}" "$@")
}

stop_postgres() {
    # Check the pid file rather than a "started" flag: an interrupted
    # `pg_ctl start` may already have launched the postmaster.
    [[ -n $tmp && -f $tmp/data/postmaster.pid ]] || return 0
    local pid
    pid=$(head -n 1 "$tmp/data/postmaster.pid" 2>/dev/null || true)
    if ! pg "$PG_BIN/pg_ctl" stop -D "$tmp/data" -m fast -w -t 30 >/dev/null 2>&1; then
        log "fast shutdown failed; using immediate shutdown"
        pg "$PG_BIN/pg_ctl" stop -D "$tmp/data" -m immediate -w -t 30 >/dev/null 2>&1 ||
            log "warning: could not stop PostgreSQL in $tmp/data"
    fi
    # pg_ctl detaches the postmaster, so once it exits it is reaped by init,
    # not by us. Some minimal inits reap only every few seconds; wait (briefly)
    # for that so that no "postgres" process, not even a zombie, outlives us.
    if [[ $pid =~ ^[0-9]+$ ]]; then
        for _ in $(seq 100); do
            [[ -e /proc/$pid ]] || break
            sleep 0.05
        done
    fi
}

cleanup() {
    ((cleaned)) && return 0
    cleaned=1
    stop_postgres
    if [[ -n $tmp ]]; then
        rm -rf -- "$tmp"
    fi
}

# Stops CMD (if running), then PostgreSQL, and exits 128+signal.
on_signal() {
    local sig=$1 code=$2
    trap '' INT TERM # no re-entry while cleaning up
    if [[ -n $cmd_pid ]] && kill -0 "$cmd_pid" 2>/dev/null; then
        # CMD runs in the background (see below), where bash makes it ignore
        # SIGINT, so SIGTERM is what actually stops it; escalate if needed.
        kill -TERM "$cmd_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$cmd_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$cmd_pid" 2>/dev/null || true
        wait "$cmd_pid" 2>/dev/null || true
    fi
    log "interrupted by SIG$sig; stopping PostgreSQL"
    cleanup
    exit "$code"
}

trap cleanup EXIT
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM
trap 'on_signal HUP 129' HUP

# --- run PostgreSQL as an unprivileged user -----------------------------------
if [[ $EUID -eq 0 ]]; then
    if ! id -u "$PG_USER" >/dev/null 2>&1; then
        # A concurrent run may create the user at the same moment; only fail
        # if it still does not exist afterwards.
        useradd --system --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$PG_USER" 2>/dev/null ||
            id -u "$PG_USER" >/dev/null 2>&1 ||
            die "could not create system user $PG_USER"
    fi
    as_pg=(runuser -u "$PG_USER" --)
    # The PostgreSQL user must be able to reach the directory, so keep it in
    # /tmp rather than a possibly private $TMPDIR.
    tmp=$(mktemp -d /tmp/stafett-pg.XXXXXX)
    chown "$PG_USER:" "$tmp"
else
    as_pg=(env)
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/stafett-pg.XXXXXX")
fi

# --- pick a free port -----------------------------------------------------
# A successful connect means the port is taken; "connection refused" means it
# is free. There is a small race until postgres binds it, which is accepted.
port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
port=""
for _ in $(seq 50); do
    candidate=$((20000 + (RANDOM * 32768 + RANDOM) % 40001))
    if port_is_free "$candidate"; then
        port=$candidate
        break
    fi
done
[[ -n $port ]] || die "no free port found in 20000-60000 after 50 tries"

# --- create and start the cluster ---------------------------------------------
# fsync etc. are off: the data is thrown away, and this makes tests faster.
if ! pg "$PG_BIN/initdb" -D "$tmp/data" -A trust -U stafett -E UTF8 --locale=C \
    --no-sync >"$tmp/initdb.log" 2>&1; then
    cat "$tmp/initdb.log" >&2
    die "initdb failed"
fi

pg_opts="-p $port -k '$tmp' -c listen_addresses=127.0.0.1 -c fsync=off"
pg_opts+=" -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
if ! pg "$PG_BIN/pg_ctl" start -D "$tmp/data" -l "$tmp/postgres.log" -w -t 60 \
    -o "$pg_opts" >"$tmp/pg_ctl.log" 2>&1; then
    log "PostgreSQL failed to start; its log follows"
    cat "$tmp/pg_ctl.log" "$tmp/postgres.log" >&2 2>/dev/null || true
    exit 1
fi

export STAFETT_TEST_PG_URL="postgresql://stafett@127.0.0.1:$port/postgres"

# --- run the command ----------------------------------------------------------
# CMD runs in the background and we `wait` for it, because bash defers traps
# until a foreground command finishes: a SIGTERM/SIGINT sent to this script
# alone (not its process group) would otherwise wait for CMD to end by itself.
# `<&0` keeps our stdin, which bash would otherwise replace with /dev/null for
# a background command.
rc=0
"$@" <&0 &
cmd_pid=$!
wait "$cmd_pid" || rc=$?
cmd_pid=""
exit "$rc"
