"""Checks the printed pages of workbooks as LibreOffice renders them to PDF.

Usage: check_print.py SCORES_CSV PDF [PDF…]
  SCORES_CSV  `ictindex score --format csv` of the scoreboard's input (unit codes and groups)
  PDF         LibreOffice's PDF of a workbook; the first one is the scoreboard

Word boxes come from `pdftotext -bbox`. Checks, on every page of every PDF:
  - no two words overlap (text printed over text: a row too short for its wrapped text, a cut-off label);
and in the scoreboard:
  - every ranked unit's code appears on the pages of its group's ranking sheet (pages are told apart by the
    sheet name that the footer prints).
Prints what it checked; exits 1 listing every problem.
"""
import collections
import csv
import html
import re
import subprocess
import sys

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def pages(pdf):
    """[(width, height, [(x0, y0, x1, y1, text)])] for each page."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    result = []
    for width, height, body in PAGE.findall(out):
        words = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in WORD.findall(body)]
        result.append((float(width), float(height), words))
    return result


def overlaps(words):
    """Pairs of words whose boxes overlap by more than 1 pt across and a third of the lower one's height."""
    found = []
    buckets = collections.defaultdict(list)
    for i, (x0, y0, x1, y1, _) in enumerate(words):
        for b in range(int(y0 // 8), int(y1 // 8) + 1):
            buckets[b].append(i)
    seen = set()
    for members in buckets.values():
        for m, i in enumerate(members):
            a = words[i]
            for j in members[m + 1:]:
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                b = words[j]
                across = min(a[2], b[2]) - max(a[0], b[0])
                down = min(a[3], b[3]) - max(a[1], b[1])
                if across > 1 and down > min(a[3] - a[1], b[3] - b[1]) / 3:
                    found.append((a, b))
    return found


def footer_text(height, words):
    """The words in the bottom 45 pt of the page, in reading order."""
    bottom = sorted((w for w in words if w[1] > height - 45), key=lambda w: (round(w[1]), w[0]))
    return " ".join(w[4] for w in bottom)


def main():
    scores_csv, pdfs = sys.argv[1], sys.argv[2:]
    problems = []
    checked_pages = 0
    checked_words = 0
    rendered = {}
    for pdf in pdfs:
        rendered[pdf] = pages(pdf)
        for number, (_, _, words) in enumerate(rendered[pdf], start=1):
            checked_pages += 1
            checked_words += len(words)
            for a, b in overlaps(words):
                problems.append(
                    f"{pdf} page {number}: '{a[4]}' ({a[0]:.0f},{a[1]:.0f}) overlaps '{b[4]}' ({b[0]:.0f},{b[1]:.0f})")
    print(f"print-check: {checked_pages} pages, {checked_words} words, no two may overlap")

    # Units by group, from the scores; a group is ranked when its units have ranks.
    with open(scores_csv, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    groups = collections.defaultdict(list)
    for row in rows:
        if row.get("rank", "").strip():
            groups[row["group"]].append(row["code"])
    # Ranking pages, by the sheet name at the start of their footer ("Xếp hạng - … · criteria · period").
    scoreboard = rendered[pdfs[0]]
    sheets = collections.defaultdict(lambda: [0, set()])
    for width, height, words in scoreboard:
        footer = footer_text(height, words)
        name = footer.split(" · ")[0].strip()
        if name.startswith("Xếp hạng") or name.startswith("Ranking"):
            sheets[name][0] += 1
            sheets[name][1].update(w[4] for w in words)
    if groups and not sheets:
        problems.append("scoreboard: no page's footer names a ranking sheet ('Xếp hạng …')")
    for group, codes in sorted(groups.items()):
        # All of a group's units are on one ranking sheet.
        holders = [name for name, (_, texts) in sheets.items() if codes[0] in texts]
        if not holders:
            problems.append(f"scoreboard: unit '{codes[0]}' of group '{group}' is on no ranking page")
            continue
        name = holders[0]
        count, texts = sheets[name]
        missing = [c for c in codes if c not in texts]
        if missing:
            problems.append(
                f"scoreboard: '{name}' ({count} pages) lacks {len(missing)} of the {len(codes)} units of "
                f"group '{group}': {', '.join(missing[:20])}")
        print(f"print-check: group '{group}': {len(codes)} units on the {count} pages of '{name}'")
    if problems:
        print("print-check: FAILED")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("print-check: OK")


if __name__ == "__main__":
    main()
