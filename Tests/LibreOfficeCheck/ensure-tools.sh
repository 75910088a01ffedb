#!/usr/bin/env bash
# Installs the real applications the tests use as peers, when missing: LibreOffice Calc (headless) and
# python3's openpyxl. `make test` runs it before the Swift tests and then sets ICTINDEX_REQUIRE_TOOLS=1, so a
# test that needs one fails instead of skipping.
set -euo pipefail
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
if ! command -v soffice >/dev/null 2>&1; then
    echo "ensure-tools: installing libreoffice-calc-nogui (one time, a few minutes)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libreoffice-calc-nogui >/tmp/ictindex-libreoffice-install.log 2>&1 || {
        echo "ensure-tools: apt-get install libreoffice-calc-nogui failed; see /tmp/ictindex-libreoffice-install.log"
        exit 1
    }
fi
# Carlito has Calibri's metrics (the workbooks' font), so LibreOffice lays pages out as Excel would; without it
# LibreOffice falls back to a wider font and the print checks would judge other pages than a department prints.
if ! fc-match Calibri 2>/dev/null | grep -qi carlito; then
    echo "ensure-tools: installing fonts-crosextra-carlito (Calibri's metrics)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-crosextra-carlito >/tmp/ictindex-fonts-install.log 2>&1 || {
        echo "ensure-tools: apt-get install fonts-crosextra-carlito failed; see /tmp/ictindex-fonts-install.log"
        exit 1
    }
fi
if ! python3 -c "import openpyxl" 2>/dev/null; then
    target="${TMPDIR:-/tmp}/ictindex-openpyxl"
    if ! PYTHONPATH="$target" python3 -c "import openpyxl" 2>/dev/null; then
        echo "ensure-tools: installing openpyxl with pip into $target"
        python3 -m pip install --quiet --target "$target" openpyxl
    fi
fi
echo "ensure-tools: soffice $(soffice --version 2>/dev/null | head -n 1 | cut -d' ' -f2), openpyxl ready"
