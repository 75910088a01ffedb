"""Checks the printed pages of workbooks as LibreOffice renders them to PDF.

Usage: check_print.py SCORES_CSV PDF [PDF…]
  SCORES_CSV  `ictindex score --format csv` of the scoreboard's input (unit codes and groups)
  PDF         LibreOffice's PDF of a workbook; the first one is the scoreboard

Word boxes come from `pdftotext -bbox`. Checks, on every page of every PDF:
  - no two words overlap (text printed over text: a row too short for its wrapped text, a cut-off label);
and in the scoreboard:
  - every ranked unit's code appears on the pages of its group's ranking sheet (pages are told apart by the
    sheet name that the footer prints);
  - the ranking pages' text is at least 8 pt;
and in the self-assessment workbooks (the PDFs after the first):
  - the pages of the input sheet ('Tự đánh giá') and of the points sheet ('Điểm tạm tính') print their text at
    8 pt or more.
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
        result.append((float(width), float(height), printed(float(height), words)))
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


def footer_line(height, words):
    """The top of the footer line: the lowest "Trang"/"Page" word in the bottom 60 pt, or None."""
    marks = [w[1] for w in words if w[4] in ("Trang", "Page") and w[1] > height - 60]
    return max(marks) if marks else None


def printed(height, words):
    """The words a reader sees: LibreOffice also puts into the PDF, clipped away, the part of a chart that lies
    in the bottom margin of the page above the chart's own page; words in the bottom 40 pt that are not on the
    footer line are dropped."""
    footer = footer_line(height, words)
    if footer is None:
        return words
    # Every sheet's bottom margin is at least 0.55 in (40 pt): no cell prints below that line.
    return [w for w in words if w[1] < height - 40 or abs(w[1] - footer) <= 1.5]


def footer_text(height, words):
    """The footer line's words, in reading order."""
    footer = footer_line(height, words)
    if footer is None:
        return ""
    return " ".join(w[4] for w in sorted((w for w in words if abs(w[1] - footer) <= 1.5), key=lambda w: w[0]))


def body_size_problem(label, height, words):
    """A problem when a page's body text is under 8 pt, else None.

    A word's box is about 1.16 × the font size (Times New Roman in LibreOffice's PDF: 12.7 pt for 11-point text),
    so the median box must be 9.2 pt or taller."""
    body = sorted(w[3] - w[1] for w in words if w[1] < height - 40)
    if body and body[len(body) // 2] < 9.2:
        return f"{label} prints its text at about {body[len(body) // 2] / 1.16:.1f} pt (at least 8 pt wanted)"
    return None


# The self-assessment workbook's sheets that an agency prints and fills in by hand.
TEMPLATE_SHEETS = ("Tự đánh giá", "Điểm tạm tính")


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
            groups[row["group"]].append(row["unit"])
    # Ranking pages, by the sheet name at the start of their footer ("Xếp hạng - … · criteria · period").
    scoreboard = rendered[pdfs[0]]
    sheets = collections.defaultdict(lambda: [0, set()])
    for width, height, words in scoreboard:
        footer = footer_text(height, words)
        name = footer.split(" · ")[0].strip()
        if name.startswith("Xếp hạng") or name.startswith("Ranking"):
            sheets[name][0] += 1
            sheets[name][1].update(w[4] for w in words)
            problem = body_size_problem(f"scoreboard: a page of '{name}'", height, words)
            if problem:
                problems.append(problem)
    for pdf in pdfs[1:]:
        counted = collections.Counter()
        for number, (width, height, words) in enumerate(rendered[pdf], start=1):
            name = footer_text(height, words).split(" · ")[0].strip()
            if name not in TEMPLATE_SHEETS:
                continue
            counted[name] += 1
            problem = body_size_problem(f"{pdf} page {number} ('{name}')", height, words)
            if problem:
                problems.append(problem)
        for name in TEMPLATE_SHEETS:
            if not counted[name]:
                problems.append(f"{pdf}: no page's footer names the sheet '{name}'")
        print(f"print-check: {pdf}: text size (8 pt or more) checked on " + ", ".join(
            f"the {counted[n]} pages of '{n}'" for n in TEMPLATE_SHEETS))
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
