#!/usr/bin/env bash
# Prints the demo scoreboard, a scoreboard of 600 communes and a self-assessment workbook the way a person would (LibreOffice Calc headless →
# PDF) and checks the pages with check_print.py: no two words overlap on any page, and every ranked unit is on
# its ranking sheet's pages. Needs soffice (check-scoreboard.sh installs it) and pdftotext (poppler-utils).
#
#   Tests/LibreOfficeCheck/check-print.sh BIN_DIR        (run from the repository root; `make test` does)
set -euo pipefail

bin="${1:?usage: check-print.sh BIN_DIR (the folder that holds the built ictindex)}"
ictindex="$bin/ictindex"
here="$(cd "$(dirname "$0")" && pwd)"
for tool in soffice pdftotext; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "print-check: '$tool' is missing; install libreoffice-calc-nogui and poppler-utils"; exit 1; }
done

work="$(mktemp -d /tmp/ictindex-print-check.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# The demo writes Reports/demo-scoreboard.xlsx and one self-assessment workbook per unit in Reports/templates/.
"$ictindex" demo >"$work/demo.txt"
template="$(ls Reports/templates/*.xlsx | head -n 1)"
[ -n "$template" ] || { echo "print-check: the demo wrote no workbook in Reports/templates/"; exit 1; }
"$ictindex" score Criteria/vn-province-agencies.yaml --units Examples/sample-province/units.csv \
    --data Examples/sample-province/values-2025.csv --period 2025 --format csv >"$work/scores.csv" 2>/dev/null
cp Reports/demo-scoreboard.xlsx "$work/scoreboard.xlsx"
cp "$template" "$work/template.xlsx"

# A province with 600 communes (and 12 departments), on the small test criteria so that LibreOffice prints its
# 'Chi tiết' in seconds: its commune ranking runs over many pages, and every commune must be on them, legibly.
python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
rng = random.Random(600)
with open(f"{work}/units600.csv", "w", encoding="utf-8") as units, open(f"{work}/values600.csv", "w", encoding="utf-8") as values:
    units.write("code,name,group\n")
    values.write("unit,staff,staff.evidence,computers,bandwidth,meetings,chair,portal,apps\n")
    for n in range(612):
        code, group = (f"S{n:02d}", "dept") if n < 12 else (f"X{n:03d}", "commune")
        name = f"Sở thử {n}" if n < 12 else f"UBND xã Thử Nghiệm Số {n}"
        units.write(f"{code},{name},{group}\n")
        staff = rng.randint(10, 60)
        values.write(f"{code},{staff},QĐ {n},{rng.randint(0, staff)},{rng.randint(10, 200)},{rng.randint(0, 5)},"
                     f"{rng.choice(['chair', 'deputy', 'none'])},{rng.randint(0, 1)},{rng.randint(0, 6)}\n")
PY
fixture=Tests/ICTIndexCLITests/Fixtures/tiny.yaml
"$ictindex" score "$fixture" --units "$work/units600.csv" --data "$work/values600.csv" --period 2025 --format csv \
    >"$work/scores600.csv" 2>/dev/null
"$ictindex" score "$fixture" --units "$work/units600.csv" --data "$work/values600.csv" --period 2025 \
    --out "Reports/print-check-600.xlsx" >/dev/null 2>&1
mv Reports/print-check-600.xlsx "$work/scoreboard600.xlsx"

# A private profile, so a user's LibreOffice settings (or a running instance) never interfere.
timeout 600 soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf \
    --outdir "$work" "$work/scoreboard.xlsx" "$work/template.xlsx" "$work/scoreboard600.xlsx" \
    >"$work/soffice.log" 2>&1 || { echo "print-check: soffice failed:"; cat "$work/soffice.log"; exit 1; }

# ICTINDEX_PRINT_OUT=DIR keeps the PDFs, to look at (pdftoppm -r 60 -png DIR/scoreboard.pdf DIR/page).
if [ -n "${ICTINDEX_PRINT_OUT:-}" ]; then mkdir -p "$ICTINDEX_PRINT_OUT" && cp "$work"/*.pdf "$ICTINDEX_PRINT_OUT/"; fi
python3 "$here/check_print.py" "$work/scores.csv" "$work/scoreboard.pdf" "$work/template.pdf"
python3 "$here/check_print.py" "$work/scores600.csv" "$work/scoreboard600.pdf"
