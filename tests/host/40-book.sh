#!/bin/bash
# book.pdf built cleanly: no LaTeX errors or warnings about references,
# no chunk used but never defined, and it has its contents and indexes.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
[ -s book.pdf ] || fail "book.pdf is missing (run make)"
[ book.pdf -nt lguest.nw ] || fail "book.pdf is older than lguest.nw (run make)"
log=weave/book.log
[ -f "$log" ] || fail "no $log"
bad=$(grep -nE '^!|undefined references|Reference .* undefined|Citation .* undefined|Label\(s\) may have changed|nw@notdef|has been referenced but does not exist|Misplaced|Missing \$' "$log")
[ -z "$bad" ] || fail "book.log: $bad"
text=$(pdftotext book.pdf -) || fail "pdftotext failed"
expect_no_match "$text" 'never defined' "book.pdf"
expect_no_match "$text" '\?\?' "book.pdf (unresolved reference)"
expect_match "$text" 'Contents' "book.pdf"
expect_match "$text" 'Index of chunks' "book.pdf"
expect_match "$text" 'Index of identifiers' "book.pdf"
note "book.pdf: $(pdfinfo book.pdf 2>/dev/null | awk '/^Pages/{print $2}') pages, clean log"
