#!/usr/bin/env bash
# Opens the demo scoreboard in a real spreadsheet application (LibreOffice Calc, headless), exports every sheet
# to CSV (UTF-8) and checks the numbers of 'Tổng hợp' against `ictindex score --format csv|json` on the same
# input. Installs LibreOffice when missing; skips, with the reason, only when it cannot be installed.
#
#   Tests/LibreOfficeCheck/check-scoreboard.sh BIN_DIR        (run from the repository root; `make test` does)
set -euo pipefail

bin="${1:?usage: check-scoreboard.sh BIN_DIR (the folder that holds the built ictindex)}"
ictindex="$bin/ictindex"
here="$(cd "$(dirname "$0")" && pwd)"
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"

if ! command -v soffice >/dev/null 2>&1; then
    echo "libreoffice-check: installing libreoffice-calc-nogui (one time, a few minutes)"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        libreoffice-calc-nogui >/tmp/ictindex-libreoffice-install.log 2>&1; }; then
        echo "libreoffice-check: SKIPPED: LibreOffice cannot be installed here (apt-get failed; see" \
            "/tmp/ictindex-libreoffice-install.log: $(tail -n 1 /tmp/ictindex-libreoffice-install.log 2>/dev/null))"
        exit 0
    fi
fi
if ! command -v soffice >/dev/null 2>&1; then
    echo "libreoffice-check: SKIPPED: libreoffice-calc-nogui installed but no 'soffice' on PATH"
    exit 0
fi

work="$(mktemp -d /tmp/ictindex-lo-check.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# The demo writes Reports/demo-scoreboard.xlsx; score prints the same input as CSV and JSON.
"$ictindex" demo >"$work/demo.txt"
grep -q "Reports/demo-scoreboard.xlsx" "$work/demo.txt" || { echo "libreoffice-check: demo printed no workbook path"; exit 1; }
args=(score Criteria/vn-province-agencies.yaml --units Examples/sample-province/units.csv
    --data Examples/sample-province/values-2025.csv --period 2025)
"$ictindex" "${args[@]}" --format csv >"$work/scores.csv" 2>/dev/null
"$ictindex" "${args[@]}" --format json >"$work/scores.json" 2>/dev/null

# A private profile, so a user's LibreOffice settings (or a running instance) never interfere.
timeout 300 soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$work" Reports/demo-scoreboard.xlsx >"$work/soffice.log" 2>&1 || {
    echo "libreoffice-check: soffice failed:"; cat "$work/soffice.log"; exit 1; }

python3 "$here/compare.py" "$work"
