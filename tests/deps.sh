#!/bin/sh
# tests/deps.sh build|test — make sure the Debian packages httpstatus needs are there.
# As root, missing packages are installed with apt-get; otherwise one message names them.
set -u
what=${1:-build}
missing=""
need() { dpkg -s "$1" >/dev/null 2>&1 || missing="$missing $1"; }
if ! command -v dpkg >/dev/null 2>&1; then
    # Not Debian: check the tools directly and let the build say what is wrong.
    exit 0
fi
if [ "$what" = build ]; then
    for p in $BUILD_PKGS; do need "$p"; done
else
    for p in $TEST_PKGS; do need "$p"; done
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "httpstatus: installing missing Debian packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q $missing >/dev/null 2>&1; then
        apt-get update -q >/dev/null 2>&1
        apt-get install -y -q $missing >/dev/null || {
            echo "httpstatus: could not install:$missing" >&2; exit 1; }
    fi
    exit 0
fi
echo "httpstatus: missing Debian packages:$missing — install them with: sudo apt-get install$missing" >&2
exit 1
