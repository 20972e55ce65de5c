#!/bin/bash
# The pages of book.pdf, measured with pdftohtml against the text block
# that the LaTeX log reports (tests/book-layout.py): no line of code, and
# no other text, runs past the right edge of the text block.  Reports the
# widest line of code and the pages left less than half full.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
[ -s book.pdf ] || fail "book.pdf is missing (run make)"
command -v pdftohtml >/dev/null || fail "pdftohtml is missing (poppler-utils)"
out=$(python3 tests/book-layout.py --check --verbose book.pdf weave/book.log) ||
	fail "$(echo "$out" | tail -1)"
echo "$out"
get() { echo "$out" | sed -n "s/^$1: //p"; }
note "$(get code-lines) code lines, the widest ends at $(get widest-code) of $(get text-width); $(get short-pages) pages under half full"
