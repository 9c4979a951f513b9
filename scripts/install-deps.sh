#!/usr/bin/env bash
# Installs everything Stafett needs to build, test and benchmark on Debian 12.
#
# Usage: scripts/install-deps.sh [--packages-only | --npm-only]
#   (default)         Debian packages, then the npm step
#   --packages-only   only the Debian packages (Node.js/npm included if missing)
#   --npm-only        only the npm step (installs Node.js/npm via apt if missing)
#
# It is idempotent and meant to be run at the start of every build/CI run:
# when everything is already present it only runs one dpkg-query and a few
# file tests, so it returns well under a second.
set -euo pipefail

log() { printf 'install-deps: %s\n' "$*"; }
die() { printf 'install-deps: error: %s\n' "$*" >&2; exit 1; }

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

do_packages=1
do_npm=1
for arg in "$@"; do
    case "$arg" in
        --packages-only) do_npm=0 ;;
        --npm-only) do_packages=0 ;;
        -h | --help)
            sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) die "unknown argument '$arg' (expected --packages-only or --npm-only)" ;;
    esac
done
if [[ $do_packages == 0 && $do_npm == 0 ]]; then
    die "--packages-only and --npm-only are mutually exclusive"
fi

# The Debian 12 packages the project needs. Boost is pinned to the 1.81
# packages on purpose: libboost-dev (1.74) and libmstch-dev (which pulls in
# 1.74) would install a second, conflicting set of Boost headers, so they must
# never be added here.
PACKAGES=(
    build-essential cmake ccache pkg-config git
    libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-system1.81-dev
    libkainjow-mustache-dev libsodium-dev libspdlog-dev libfmt-dev libcli11-dev
    libgtest-dev libsqlite3-dev sqlite3 libpq-dev libssl-dev
    postgresql-15 postgresql-client-15
    nginx-light wrk chromium curl ca-certificates
    openssl  # certificates of the stand-in identity provider (tests/idp/provider.mjs)
)
CONFLICTING=(libboost-dev libmstch-dev)

# Prints, one per line, those of the given packages that are fully installed.
# A single dpkg-query call keeps the fast path fast; unknown packages are
# simply absent from its output (its complaint on stderr and its non-zero exit
# status are expected and ignored).
installed_packages() {
    dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null |
        awk '$2 == "install" && $3 == "ok" && $4 == "installed" { print $1 }' || true
}

# Prints, one per line, those of the given packages that are not installed.
missing_packages() {
    local installed p
    installed=$(installed_packages "$@")
    for p in "$@"; do
        if ! grep -qxF -- "$p" <<<"$installed"; then
            printf '%s\n' "$p"
        fi
    done
}

# Runs a command as root: directly when we are root, via sudo when possible,
# and otherwise fails naming what would have been installed so the user can
# ask an administrator.
as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "not root and sudo is not available; please install as root: ${WANT[*]}"
    fi
}

# Installs the given Debian packages (only called with missing ones).
apt_install() {
    WANT=("$@")
    log "installing Debian packages: ${WANT[*]}"
    # `env` carries DEBIAN_FRONTEND through sudo, which resets the environment.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${WANT[@]}"
}

WANT=()
to_install=()

if [[ $do_packages == 1 ]]; then
    command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script supports Debian 12 only"
    mapfile -t to_install < <(missing_packages "${PACKAGES[@]}")
fi

# Node.js and npm: any node/npm already on PATH (e.g. from another source) is
# fine; only when one is missing do we fall back to Debian's packages.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    to_install+=(nodejs npm)
fi

if ((${#to_install[@]} > 0)); then
    apt_install "${to_install[@]}"
    # Re-check so that a partial failure is reported instead of silently ignored.
    mapfile -t still_missing < <(missing_packages "${to_install[@]}")
    if ((${#still_missing[@]} > 0)); then
        die "still missing after apt-get install: ${still_missing[*]}"
    fi
elif [[ $do_packages == 1 ]]; then
    log "all ${#PACKAGES[@]} Debian packages are present"
fi

if [[ $do_packages == 1 ]]; then
    mapfile -t conflicts < <(installed_packages "${CONFLICTING[@]}")
    if ((${#conflicts[@]} > 0)); then
        log "warning: ${conflicts[*]} installed; these bring Boost 1.74 headers that conflict with 1.81 (consider apt-get remove ${conflicts[*]})"
    fi
fi

if [[ $do_npm == 1 ]]; then
    lock="$REPO_ROOT/package-lock.json"
    stamp="$REPO_ROOT/node_modules/.package-lock.json"
    if [[ ! -f $lock ]]; then
        log "no package-lock.json in $REPO_ROOT; skipping npm ci"
    elif [[ -f $stamp && ! $lock -nt $stamp ]]; then
        # npm rewrites node_modules/.package-lock.json on every install, so a
        # stamp newer than the lock file means node_modules is up to date.
        log "node_modules is up to date"
    else
        log "running npm ci in $REPO_ROOT"
        # Browser tests use Debian's chromium; Playwright must never download
        # its own browser build (there is no network for that anyway).
        (cd "$REPO_ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    fi
fi

log "done"
