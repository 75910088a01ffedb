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
    8 pt or more;
and, for every PDF whose workbook lies beside it (NAME.xlsx for NAME.pdf), sheet by sheet (told apart by the footer):
  - every visible sheet prints, and its pages are numbered 1, 2, … on their own ("Trang N");
  - every page of a sheet with repeated header rows shows the first header's words (one page wide: no page holds
    only a right-hand part of the table; the header is repeated);
  - the sheet prints on the number of pages its layout intends (``intended_pages``), within a page or 15 %.
Prints what it checked; exits 1 listing every problem.
"""
import collections
import csv
import html
import math
import os
import re
import subprocess
import sys

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries

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


# A4 in points, portrait.
A4 = (595.28, 841.89)


def column_points(ws, last):
    """The widths of columns 1…last in points as LibreOffice lays them out: a width of N characters is N digits of
    the workbook's default font (Calibri 11, drawn with the metric-compatible Carlito: 1038/2048 em a digit)."""
    widths = {}
    for key, d in ws.column_dimensions.items():
        for c in range(d.min or 1, (d.max or d.min or 1) + 1):
            widths[c] = 0 if d.hidden else (d.width or 0)
    default = ws.sheet_format.defaultColWidth or 8.43
    return [widths.get(c, default) * 11 * 1038 / 2048 for c in range(1, last + 1)]


def intended_pages(ws):
    """The pages a sheet's layout intends: the print area (or the used rows, and the rows under its charts) scaled to
    one page wide when the sheet fits to width, cut into pages by row height, with the repeated header rows on every
    page after the first, and a new page at every manual break."""
    ps, pm = ws.page_setup, ws.page_margins
    width, height = A4 if ps.orientation != "landscape" else (A4[1], A4[0])
    area_w = width - (pm.left + pm.right) * 72
    area_h = height - (pm.top + pm.bottom) * 72
    if ws.print_area:
        c0, r0, c1, r1 = range_boundaries(ws.print_area.split("!")[-1].replace("$", "").split(",")[0])
    else:
        c0, r0, c1, r1 = 1, 1, ws.max_column, ws.max_row
        for chart in ws._charts:
            to = getattr(chart.anchor, "to", None)
            if to is not None:
                r1 = max(r1, to.row + 1)
    scale = 1.0
    fits = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    if fits and (ps.fitToWidth or 1) == 1:
        total = sum(column_points(ws, c1)[c0 - 1:])
        scale = min(1.0, math.floor(100 * area_w / total) / 100) if total else 1.0
    elif ps.scale:
        scale = ps.scale / 100
    default_height = ws.sheet_format.defaultRowHeight or 15

    def row_height(r):
        d = ws.row_dimensions.get(r)
        if d is not None and d.hidden:
            return 0
        return d.height if d is not None and d.height else default_height

    titles = []
    if ws.print_title_rows:
        a, b = ws.print_title_rows.replace("$", "").split(":")
        titles = list(range(int(a), int(b) + 1))
    repeated = sum(row_height(r) for r in titles)
    breaks = {b.id for b in ws.row_breaks.brk}
    limit = area_h / scale
    pages, used, fresh = 1, 0.0, True
    for r in range(r0, r1 + 1):
        h = row_height(r)
        if not fresh and ((r - 1) in breaks or used + h > limit + 0.01):
            pages += 1
            used = repeated if titles and r > titles[-1] else 0.0
        used += h
        fresh = False
    return pages


def first_header_words(ws):
    """The words of the first non-empty cell of the sheet's first repeated row, or []."""
    if not ws.print_title_rows:
        return []
    row = int(ws.print_title_rows.replace("$", "").split(":")[0])
    for cell in ws[row]:
        dimension = ws.column_dimensions.get(get_column_letter(cell.column))
        hidden = dimension is not None and dimension.hidden
        if not hidden and cell.value is not None and str(cell.value).strip():
            return str(cell.value).split()
    return []


def sheet_problems(pdf, rendered):
    """Per-sheet page numbering, repeated headers and page counts of one printed workbook (see the module's text)."""
    workbook = os.path.splitext(pdf)[0] + ".xlsx"
    if not os.path.exists(workbook):
        return [], []
    wb = openpyxl.load_workbook(workbook)
    printed = collections.OrderedDict()
    for width, height, words in rendered:
        footer = footer_text(height, words)
        name = footer.split(" · ")[0].strip()
        numbers = re.findall(r"(?:Trang|Page) (\d+)", footer)
        printed.setdefault(name, []).append((int(numbers[0]) if numbers else None, {w[4] for w in words}))
    problems, report = [], []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        # The footer prints the sheet's name through &A; the PDF's words of a long name may be cut (…).
        name = next((n for n in printed if n == ws.title or (n.endswith("…") and ws.title.startswith(n[:-1]))), None)
        if name is None:
            problems.append(f"{workbook}: sheet '{ws.title}' prints no page (no footer names it)")
            continue
        pages = printed[name]
        numbers = [n for n, _ in pages]
        if numbers != list(range(1, len(pages) + 1)):
            problems.append(f"{workbook}: the pages of '{ws.title}' are numbered {numbers[:10]}, not 1, 2, … on their own")
        header = first_header_words(ws)
        without = [i + 1 for i, (_, words) in enumerate(pages) if header and not all(w in words for w in header)]
        if without:
            problems.append(
                f"{workbook}: pages {without[:10]} of '{ws.title}' lack its header '{' '.join(header)}' (a page cut "
                f"off on the right, or the header not repeated)")
        intended = intended_pages(ws)
        if abs(len(pages) - intended) > max(1, round(0.15 * intended)):
            problems.append(
                f"{workbook}: '{ws.title}' prints on {len(pages)} pages; its layout intends {intended}")
        report.append(f"'{ws.title}' {len(pages)} (intended {intended})")
    return problems, report


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
    for pdf in pdfs:
        found, report = sheet_problems(pdf, rendered[pdf])
        problems += found
        if report:
            print(f"print-check: {pdf}: pages per sheet: " + ", ".join(report))
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
