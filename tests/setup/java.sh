#!/bin/sh
# Install a Java runtime from Debian for the Spark engine's tests (pyspark starts a JVM in local
# mode), only when none is there and we are root.  A no-op on machines that already have Java.
set -eu
if command -v java >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "setup/java.sh: java missing and not root; the Spark tests will skip (or fail in CI)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends default-jre-headless
