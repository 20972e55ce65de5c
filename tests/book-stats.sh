#!/bin/bash
# book-stats.sh -- measure the book (make book-stats; run after make):
# pages, figures, tour stops, the chunks' lengths (median and maximum),
# how often a chunk name is defined (maximum and distribution), the
# identifier index, the widest line of code against the text block and
# the pages left less than half full (tests/book-layout.py).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -s book.pdf ] && [ -f weave/book.log ] || { echo "book-stats: run make first" >&2; exit 1; }

echo "pages:            $(pdfinfo book.pdf | awk '/^Pages/ {print $2}')"
echo "figures:          $(grep -c 'contentsline {figure}' weave/book.lof || true)"
echo "tour stops:       $(sed 's/%.*//' lguest.nw | grep -o '\\lgtag{[A-Z]:[0-9]*}' | sort -u | wc -l)"

# Chunks, from lguest.nw: a definition runs from "<<name>>=" to the "@"
# line that ends it; its length is its lines of code.
expand -t8 lguest.nw | awk '
/^<<.*>>=$/ { name = substr($0, 3, length($0) - 5); n = 0; incode = 1; next }
incode && (/^@( |$)/ || /^@ %def/) { print n "\t" name; incode = 0; next }
incode { n++ }
' >"${TMPDIR:-/tmp}/book-stats.$$"
trap 'rm -f "${TMPDIR:-/tmp}/book-stats.$$"' EXIT
chunks=${TMPDIR:-/tmp}/book-stats.$$
cut -f1 "$chunks" | sort -n | awk '
{ len[NR] = $1; sum += $1 }
END {
	med = NR % 2 ? len[(NR + 1) / 2] : (len[NR / 2] + len[NR / 2 + 1]) / 2
	printf "chunk definitions: %d, lines: median %s, mean %.1f, max %d\n", NR, med, sum / NR, len[NR]
	for (i = 1; i <= NR; i++) { if (len[i] > 25) over25++; if (len[i] > 40) over40++ }
	printf "chunks over 25 lines: %d, over 40: %d\n", over25, over40
}'
echo "longest chunks:   $(sort -t"$(printf '\t')" -k1,1nr "$chunks" | head -3 | awk -F'\t' '{printf "%s%s (%d)", sep, $2, $1; sep = "; "}')"
cut -f2 "$chunks" | sort | uniq -c | awk '
{ names++; per[$1]++; if ($1 > max) max = $1 }
END {
	printf "chunk names:      %d, definitions per name: max %d; distribution", names, max
	for (k = 1; k <= max; k++) if (per[k]) printf " %dx:%d", k, per[k]
	printf "\n"
}'
echo "most continued:   $(cut -f2 "$chunks" | sort | uniq -c | sort -rn | head -3 | awk '{c = $1; $1 = ""; printf "%s%s (%d)", sep, substr($0, 2), c; sep = "; "}')"

# The identifier index: entries, and those split by program.
ids=$(grep -c '^\\nwixlogsorted{i}' weave/book.tex || true)
split=$(grep '^\\nwixlogsorted{i}' weave/book.tex | grep -c '\\ (' || true)
echo "identifiers:      $ids index entries, $split of them one of several per program"
echo "overfull lines:   $(grep -c '^Overfull \\hbox' weave/book.log || true) (LaTeX log)"

python3 tests/book-layout.py book.pdf weave/book.log | sed -n '
s/^widest-code: /widest code line: ends at /p
s/^text-width: /text block width: /p
s/^code-overflows: /code lines past the text block: /p
s/^short-pages: /pages under half full: /p
s/^short-list: \(..*\)/  (physical page, fill: \1)/p'
