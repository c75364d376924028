#!/bin/sh
# Install Debian's LibreOffice Writer without its GUI (soffice --headless) for
# tests/test_annotate_docx.py, only when it is missing and we are root.  A no-op on machines that
# already have it.  Without recommends: no Java, no help files, no desktop integration.
set -eu
if command -v soffice >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "setup/libreoffice.sh: soffice missing and not root; the LibreOffice test will skip (or fail in CI)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui
