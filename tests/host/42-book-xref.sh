#!/bin/bash
# The identifier cross-references of the book are scoped per program (the
# weave filter, book/weave-filter.py): checked on weave/book.tex by
# tests/book-xref.py, which works out each chunk's program by itself.  No
# chunk uses an identifier that only another program defines (e.g. no
# Host or test guest chunk uses the Launcher's u32), no linked identifier
# sits in a string or a comment ("lguest" in a message is not struct
# lguest), a name defined by two programs has an entry for each
# (run_guest (Host), run_guest (Launcher)), and the Launcher's struct
# device and vq are indexed once lguest.nw defines them with @ %def.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
[ -s weave/book.tex ] || fail "weave/book.tex is missing (run make)"
[ weave/book.tex -nt lguest.nw ] || fail "weave/book.tex is older than lguest.nw (run make)"
nwlib=$(sed -n 's/^LIB=//p' "$(command -v noweave)")
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
"${nwlib:-/usr/lib/noweb}/markup" lguest.nw >"$tmp" || fail "noweb markup failed"

# %def'd NAME: some "@ %def" line of lguest.nw names NAME.
defd() { grep -qE "^@ %def(.* )? ?$1( |\$)" lguest.nw; }
want=
for id in device vq; do
	if defd "$id"; then want="$want $id"; else note "$id has no @ %def yet: not checked"; fi
done
out=$(python3 tests/book-xref.py "$tmp" weave/book.tex $want) ||
	fail "$(echo "$out" | head -5 | tr '\n' ';') $(echo "$out" | tail -1)"
echo "$out"
# run_guest is the example: the Host and the Launcher both define it.
if echo "$out" | grep -qE '^split by program:.* run_guest( |$)'; then
	for p in Host Launcher; do
		grep -qF "\\nwixident{run{\\_}guest\\ ($p)}" weave/book.tex ||
			fail "no index entry run_guest ($p)"
	done
fi
note "$(echo "$out" | tail -2 | tr '\n' ' ')"
