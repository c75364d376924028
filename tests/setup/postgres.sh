#!/bin/sh
# Install Debian's PostgreSQL server for the dataset tests (tests/pg.py starts a throw-away cluster
# on loopback from it), only when it is missing and we are root.  A no-op on machines that already
# have it.  The package's own cluster is not needed: the tests never use it.
set -eu
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "setup/postgres.sh: PostgreSQL missing and not root; the PostgreSQL tests will skip (or fail in CI)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql
