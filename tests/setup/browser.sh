#!/bin/sh
# Install Debian's chromium for tests/test_html_browser.py, only when it is missing and we are root.
# Called from the Makefile's test target; a no-op on machines that already have it.
set -eu
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "setup/browser.sh: $CHROMIUM missing and not root; the browser test will skip (or fail in CI)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq chromium
