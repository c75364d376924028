#!/bin/sh
# System set-up for the test suite: runs every tests/setup/*.sh (except this one) in name order.
# Each script installs the Debian packages its tests need, only when missing and only as root,
# and is a no-op on a machine that already has them.  Services (PostgreSQL) are not started here:
# the tests start their own throw-away instances on loopback and stop them afterwards.
set -eu
dir=$(dirname "$0")
for script in "$dir"/*.sh; do
    [ "$(basename "$script")" = all.sh ] && continue
    sh "$script"
done
