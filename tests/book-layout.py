#!/usr/bin/env python3
"""book-layout.py -- measure book.pdf's pages against its text block.

Usage: tests/book-layout.py [--check] [--verbose] [PDF [LOG]]
(default book.pdf and weave/book.log)

The LaTeX log holds the text block (lines "lgbook: paper W H", "lgbook:
text X Y", "lgbook: size WIDTH HEIGHT", "lgbook: code SIZE" that the
preamble of lguest.nw writes, in pt);
pdftohtml -xml gives every run of text on every page with its box and
font.  Prints, as "key: value" lines:

  code-lines       lines of code (text in the code font and size; not
                   counting the lines that name a chunk, "<name>≡")
  widest-code      right edge of the widest code line, pt from the text
                   block's left edge, and its page
  text-width       the text block's width, pt
  code-overflows   code lines that end right of the text block, and the
                   pages they are on
  text-overflows   other text right of the text block (margin tags and
                   running heads excepted)
  short-pages      pages filled less than half, not counting the last page
                   of a chapter (the page before one that has no running
                   head, i.e. opens a chapter) and the last page
  short-list       those pages (physical numbers) with their fill in %

With --check, exits 1 (and says where) if any code line or other text
runs past the right edge of the text block.
"""
import re
import subprocess
import sys

PT_PER_BP = 72.27 / 72
ZOOM = 6
CODE_TOL = 0.5   # pt: rounding of pdftohtml's coordinates
TEXT_TOL = 4.0   # pt: microtype lets punctuation protrude a little


def text_block(log):
    """The paper's size, the text block's origin and size and the code's
    font size, in pt."""
    found = {}
    with open(log, errors="replace") as f:
        for line in f:
            m = re.match(r"lgbook: (\w+) ([\d.]+)(?:pt)?(?: ([\d.]+)pt)?$",
                         line.strip())
            if m:
                found[m.group(1)] = [float(x) for x in m.groups()[1:] if x]
    try:
        return found["paper"] + found["text"] + found["size"] + found["code"]
    except KeyError:
        sys.exit("book-layout: no 'lgbook:' lines in " + log)


def pages(pdf):
    """Yield (number, width in pdftohtml units, [items]) per page; an item
    is (top, left, width, height, font family, font size)."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-q", "-stdout",
                          "-zoom", str(ZOOM), "-fontfullname", pdf],
                         check=True, capture_output=True,
                         text=True, errors="replace").stdout
    fonts = {}
    page = None
    for line in xml.splitlines():
        m = re.match(r'<page number="(\d+)".* width="(\d+)"', line)
        if m:
            if page:
                yield page
            page = (int(m.group(1)), int(m.group(2)), [])
            continue
        m = re.match(r'\s*<fontspec id="(\d+)" size="(-?\d+)" '
                     r'family="([^"]*)"', line)
        if m:
            fonts[m.group(1)] = (m.group(3), int(m.group(2)))
            continue
        m = re.match(r'<text top="(-?\d+)" left="(-?\d+)" width="(\d+)" '
                     r'height="(\d+)" font="(\d+)">(.*)</text>', line)
        text = re.sub(r"<[^>]*>", "", m.group(6)).strip() if m else ""
        if page and text:
            fam, size = fonts.get(m.group(5), ("", 0))
            t, l, w, h = (int(m.group(i)) for i in range(1, 5))
            page[2].append((t, l, w, h, fam, size, text))
    if page:
        yield page


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    verbose = "--verbose" in sys.argv
    pdf = args[0] if args else "book.pdf"
    log = args[1] if len(args) > 1 else "weave/book.log"
    pw, ph, tx, ty, tw, th, codesize = text_block(log)
    right, bottom = tx + tw, ty + th
    code_lines, code_over, text_over, fills, heads = 0, [], [], [], []
    widest = (0.0, 0)
    for num, width, items in pages(pdf):
        k = width / (pw / PT_PER_BP) / PT_PER_BP   # units per pt
        body, head = [], False
        for t, l, w, h, fam, size, text in items:
            top, left = t / k, l / k
            bot, rgt = top + h / k, left + w / k
            if bot < ty - 2:
                head = True          # the running head
                continue
            if top > bottom + 2:
                continue             # a page number at the foot
            if left > right + 2:
                continue             # a tag in the right margin
            mono = "Mono" in fam and abs(size / k - codesize) < 0.6
            body.append((top, bot, rgt, mono, "\u2261" in text))
            if rgt > right + TEXT_TOL and not mono:
                text_over.append((num, rgt - right))
        # lines of code: the items that share a code item's baseline; the
        # line that names a chunk (with its "≡") has the chunk's labels
        # set flush right, and is no line of code for the widest one
        seen = []
        for top, bot, rgt, mono, _ in body:
            mid = (top + bot) / 2
            if not mono or any(abs(mid - s) < 3 for s in seen):
                continue
            seen.append(mid)
            line = [(r, d) for t, b, r, m, d in body
                    if abs((t + b) / 2 - mid) < 3]
            edge = max(r for r, d in line)
            if edge > right + CODE_TOL:
                code_over.append((num, edge - right))
            if any(d for r, d in line):
                continue
            code_lines += 1
            if edge - tx > widest[0]:
                widest = (edge - tx, num)
        fill = (max(i[1] for i in body) - ty) / th if body else 0
        fills.append((num, fill))
        heads.append(head)
    short = []
    for i, (num, fill) in enumerate(fills):
        last = i + 1 == len(fills) or not heads[i + 1]
        if fill < 0.5 and heads[i] and not last:
            short.append((num, fill))
    print("code-lines: %d" % code_lines)
    print("widest-code: %.1f pt (page %d)" % widest)
    print("text-width: %.1f pt" % tw)
    print("code-overflows: %d lines on %d pages"
          % (len(code_over), len(set(n for n, _ in code_over))))
    print("text-overflows: %d" % len(text_over))
    print("short-pages: %d" % len(short))
    print("short-list: " + " ".join("%d(%d%%)" % (n, 100 * f)
                                    for n, f in short))
    if verbose:
        for n, d in code_over:
            print("code over the edge by %.1f pt on page %d" % (d, n))
        for n, d in text_over:
            print("text over the edge by %.1f pt on page %d" % (d, n))
    if check and (code_over or text_over):
        worst = max(code_over + text_over, key=lambda x: x[1])
        print("book-layout: %d code lines and %d other texts run past the "
              "text block, worst by %.1f pt on page %d"
              % (len(code_over), len(text_over), worst[1], worst[0]))
        sys.exit(1)


if __name__ == "__main__":
    main()
