#!/bin/bash
# Every root tangles with exit status 0 and nothing on stderr (no undefined
# chunk, no stray <<...>> pair), and what is under tangle/ is exactly what
# lguest.nw says: nobody edited a generated file by hand.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
nw=$PWD/lguest.nw
for r in $(make -s roots); do
	args=(-t8)
	case $r in *.c|*.h|*.S) args+=(-L'#line %L "%F"%N');; esac
	mkdir -p "$tmp/$(dirname "$r")"
	notangle "${args[@]}" -R"$r" "$nw" >"$tmp/$r" 2>"$tmp/err" ||
		fail "notangle -R$r exited $?: $(cat "$tmp/err")"
	[ -s "$tmp/err" ] && fail "notangle -R$r warned: $(cat "$tmp/err")"
	[ -f "tangle/$r" ] || fail "tangle/$r is missing (run make)"
	cmp -s "$tmp/$r" "tangle/$r" || fail "tangle/$r differs from lguest.nw"
done
note "all roots tangle cleanly and match tangle/"
