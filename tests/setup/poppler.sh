#!/bin/sh
# Install Debian's poppler-utils (pdftoppm) for tests/test_annotate_pdf.py, only when it is missing
# and we are root.  A no-op on machines that already have it.
set -eu
if command -v pdftoppm >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "setup/poppler.sh: pdftoppm missing and not root; the PDF rendering test will skip (or fail in CI)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends poppler-utils
