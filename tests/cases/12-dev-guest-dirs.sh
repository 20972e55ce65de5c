#!/bin/sh
# Every guest has a debugfs directory of its own, guests/PID-N, with its
# counters (stats, hypercalls, traps, exits) and its limits: two guests of
# one process get two names, and a guest's directory goes when its file
# is closed (the checks are in tests/tools/lgguests.c).  The limits show
# the module parameters as a guest gets them: by default 16 cached page
# directories and 1024 shadow pages (2048 on a PAE Host, whose page tables
# map half as much); pgdir_cache=1000 is clamped to 64, and shadow_pages=5
# raised to pgdir_cache + 16 (twice pgdir_cache + 16 on a PAE Host, where a
# cached top level is two pages).  Pins are bounded by the guest's RAM, 32
# pages here.
. /tests/lib.sh
command -v lgguests >/dev/null || fail "lgguests is not built"
guests() { # PGDIR_CACHE SHADOW_PAGES: run lgguests, check the limits
	out=$(lgguests 2>&1); rc=$?
	echo "$out"
	[ $rc -eq 0 ] || fail "$(echo "$out" | grep -c '^not ok') checks failed"
	expect_match "$out" "^limits pgdir_cache $1\$" "limits"
	expect_match "$out" "^limits shadow_pages $2\$" "limits"
	expect_match "$out" '^limits pinned_pages 32$' "limits"
	expect_match "$out" '^stats pinned_pages 0$' "stats"
	expect_match "$out" '^hypercalls lguest_init 0$' "hypercalls"
	expect_match "$out" '^exits dead 0$' "exits"
}
load_lg
[ -d "$LG_GUESTS" ] || fail "no $LG_GUESTS"
if [ -n "$HOST_PAE" ]; then dflt=2048 least=144; else dflt=1024 least=80; fi
guests 16 $dflt
unload_lg
load_lg pgdir_cache=1000 shadow_pages=5
guests 64 $least
unload_lg
[ -e "$LG_GUESTS" ] && fail "$LG_GUESTS outlived the module"
exit 0
