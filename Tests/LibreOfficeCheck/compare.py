"""Compares the sheets LibreOffice exported from the demo scoreboard with `ictindex score` output.

Usage: compare.py WORK_DIR  (holding demo-scoreboard-*.csv from LibreOffice, scores.csv and scores.json)
Prints what it checked, and exits 1 on the first list of mismatches.
"""
import csv
import json
import os
import sys

work = sys.argv[1]
problems = []


def sheet(name):
    path = os.path.join(work, f"demo-scoreboard-{name}.csv")
    if not os.path.exists(path):
        found = sorted(f for f in os.listdir(work) if f.endswith(".csv"))
        sys.exit(f"libreoffice-check: LibreOffice wrote no sheet '{name}' (files: {found})")
    with open(path, encoding="utf-8") as f:
        return list(csv.reader(f))


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


summary = sheet("Tổng hợp")
with open(os.path.join(work, "scores.csv"), encoding="utf-8") as f:
    expected = {row["unit"]: row for row in csv.DictReader(f)}
with open(os.path.join(work, "scores.json"), encoding="utf-8") as f:
    scored = json.load(f)
decimals = scored["framework"]["decimals"]
tolerance = 0.5 * 10 ** -decimals + 1e-9
units = {u["unit"]: u for u in scored["units"]}
# The pillars: level-1 nodes, whose ids carry no dot in the shipped criteria; the first node is the root.
pillars = [k for k in list(scored["units"][0]["nodes"])[1:] if "." not in k]

header = next(i for i, row in enumerate(summary) if row and row[0] == "STT")
columns = summary[header]
if columns[:7] != ["STT", "Mã", "Tên đơn vị", "Khối", "Tổng điểm", "Xếp hạng", "Xếp loại"]:
    problems.append(f"unexpected header row {header + 1}: {columns[:7]}")
pillar_columns = len([c for c in summary[header + 1][7:] if c])
if pillar_columns != len(pillars):
    problems.append(f"{pillar_columns} pillar columns in the sheet, {len(pillars)} pillars scored ({pillars})")

seen = set()
for number_row, row in enumerate(summary[header + 2:], start=header + 3):
    if len(row) < 7 or row[1] not in expected or number(row[0]) is None:
        continue
    code = row[1]
    want = expected[code]
    seen.add(code)
    where = f"row {number_row} ({code})"
    if row[2] != want["name"]:
        problems.append(f"{where}: name {row[2]!r}, expected {want['name']!r}")
    got, exp = number(row[4]), number(want["score"])
    if (got is None) != (exp is None) or (got is not None and abs(got - exp) > tolerance):
        problems.append(f"{where}: score {row[4]!r}, expected {want['score']!r}")
    if (row[5] or "") != want["rank"]:
        problems.append(f"{where}: rank {row[5]!r}, expected {want['rank']!r}")
    if (row[6] or "") != want["band"]:
        problems.append(f"{where}: band {row[6]!r}, expected {want['band']!r}")
    for k, pillar in enumerate(pillars):
        cell = row[7 + k] if 7 + k < len(row) else ""
        points = units[code]["nodes"][pillar]["points"]
        got = number(cell)
        if points is None:
            if got is not None:
                problems.append(f"{where}: {pillar} shows {cell!r}, expected no points")
        elif got is None or abs(got - points) > tolerance:
            problems.append(f"{where}: {pillar} shows {cell!r}, expected {points:.{decimals}f}")

missing = sorted(set(expected) - seen)
if missing:
    problems.append(f"units missing from 'Tổng hợp': {missing}")

details = sheet("Chi tiết")
# One row per scored leaf: a "best case" node (infra.security) is shown through its cases, not as a row.
node_keys = list(scored["units"][0]["nodes"])
indicator_count = sum(1 for k in node_keys if "." in k and not any(o.startswith(k + ".") for o in node_keys))
detail_rows = sum(1 for row in details[2:] if len(row) > 2 and row[0] in expected)
if detail_rows != len(expected) * indicator_count:
    problems.append(f"'Chi tiết' has {detail_rows} rows, expected {len(expected)} units × {indicator_count} indicators")

if problems:
    print("libreoffice-check: FAILED: LibreOffice shows other figures than `ictindex score`:")
    for p in problems[:40]:
        print("  " + p)
    sys.exit(1)
print(
    f"libreoffice-check: ok: LibreOffice shows the same score, rank, band and {len(pillars)} pillar points for "
    f"{len(seen)} units in 'Tổng hợp', and {detail_rows} rows in 'Chi tiết'"
)
