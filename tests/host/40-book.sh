#!/bin/bash
# book.pdf built cleanly: no LaTeX error, no undefined reference or
# citation, no chunk used but never defined and none unused but the roots,
# no "??" in the text; every figure is referenced from the text, on its
# own page or before it; every stop of the tour is in the index of tour
# stops; the contents and the indexes are there.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
[ -s book.pdf ] || fail "book.pdf is missing (run make)"
[ book.pdf -nt lguest.nw ] || fail "book.pdf is older than lguest.nw (run make)"
log=weave/book.log
[ -f "$log" ] || fail "no $log"
bad=$(grep -nE '^!|undefined references|Reference .* undefined|Citation .* undefined|There were undefined citations|Label\(s\) may have changed|nw@notdef|has been referenced but does not exist|Misplaced|Missing \$' "$log")
[ -z "$bad" ] || fail "book.log: $bad"
text=$(pdftotext book.pdf -) || fail "pdftotext failed"
expect_no_match "$text" 'never defined' "book.pdf"
expect_no_match "$text" '\?\?' "book.pdf (unresolved reference)"
expect_match "$text" 'Contents' "book.pdf"
expect_match "$text" 'Index of chunks' "book.pdf"
expect_match "$text" 'Index of identifiers' "book.pdf"
expect_match "$text" 'Index of tour stops' "book.pdf"

# Unused chunks: noweb marks each chunk that nothing uses; those must be
# exactly the roots of the manifest.
unused=$(grep -o '\\nwnotused{[^}]*}' weave/book.tex | sed 's/^\\nwnotused{//; s/}$//' | sort -u)
roots=$(make -s roots | tr ' ' '\n' | sed '/^$/d' | sort -u)
[ "$unused" = "$roots" ] ||
	fail "chunks used nowhere but not roots: $(comm -23 <(echo "$unused") <(echo "$roots") | tr '\n' ' ')"

# Every stop of the tour is in the index of tour stops.
tags=$(sed 's/%.*//' lguest.nw | grep -o '\\lgtag{[A-Z]:[0-9]*}' | sed 's/\\lgtag{//; s/}//' | sort -u)
[ -f weave/tags.ind ] || fail "no weave/tags.ind (the index of tour stops)"
missing=
for t in $tags; do
	grep -qE "\\\\textsf *\\{$t\\}" weave/tags.ind || missing="$missing $t"
done
[ -z "$missing" ] || fail "stops missing from the index of tour stops:$missing"

# Every figure is referenced, and the first reference is on the figure's
# page or before it (a figure never comes before the text that shows it).
figs=$(sed 's/%.*//' lguest.nw | grep -o '\\label{fig:[^}]*}' | sed 's/\\label{//; s/}//' | sort -u)
for f in $figs; do
	grep -qE "\\\\(auto|page|)ref\{$f\}" lguest.nw || fail "figure $f is never referenced"
done
order=$(printf '%s' "$text" | python3 -c '
import re, sys
pages = sys.stdin.read().split("\f")
first, caption = {}, {}
num = r"[A-Z0-9]+\.[0-9]+"
for n, page in enumerate(pages):
    if "List of Figures" in page or page.lstrip().startswith("Contents"):
        continue
    for m in re.finditer(r"[Ff]igures?\s+(%s(?:(?:,\s*|\s+and\s+)%s)*)(:?)"
                         % (num, num), page):
        for fig in re.findall(num, m.group(1)):
            (caption if m.group(2) else first).setdefault(fig, n)
for fig, n in sorted(caption.items()):
    if fig not in first:
        print("figure %s: no reference in the text" % fig)
    elif first[fig] > n:
        print("figure %s on page %d, first referenced on page %d"
              % (fig, n + 1, first[fig] + 1))
')
[ -z "$order" ] || fail "$(echo "$order" | tr '\n' ';')"

nfig=$(echo "$figs" | sed '/^$/d' | wc -l)
over=$(grep -c '^Overfull \\hbox' "$log")
note "book.pdf: $(pdfinfo book.pdf 2>/dev/null | awk '/^Pages/{print $2}') pages, $nfig figures, $(echo "$tags" | wc -l) tour stops, clean log ($over overfull lines)"
