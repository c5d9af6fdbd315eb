#!/usr/bin/env bash
# Debian packages that the storage and browser tests use: PostgreSQL 15 (a real
# server the tests start on a free port) and chromium (driven by Playwright with
# executable_path; never `playwright install`, which downloads).
#
# Idempotent: does nothing when both are present.  Needs root (or sudo) to
# install; without it, prints what to run and exits 0 so that the tests that
# need the packages skip with a clear message instead of the whole run failing.
set -u
need=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
else
    echo "system-deps: missing ${need[*]}; install with: sudo apt-get install -y ${need[*]}" >&2
    exit 0
fi
echo "system-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null; } \
    || { echo "system-deps: apt-get could not install ${need[*]}; the tests that need them will skip" >&2; exit 0; }
# Debian's postgresql package starts a cluster on 5432; the tests start their own, so stop it.
if [[ " ${need[*]} " == *" postgresql "* ]] && command -v pg_ctlcluster >/dev/null 2>&1; then
    $sudo pg_ctlcluster --mode fast 15 main stop >/dev/null 2>&1 || true
fi
exit 0
