#!/bin/sh
# Shadow page tables: the test guest builds page tables of its own and
# checks Accessed/Dirty write-back, its own page faults (CR2 and error
# code), that SET_PTE(va, 0) leaves no stale translation, eight processes
# switching round-robin through a cache of four, and a kernel mapping
# changed once.  The Host's counters in debugfs must show the cache at
# work on a workload that fits (hits >> misses), a bigger cache must hold
# all eight processes, and every pin and shadow page must be gone once the
# guest has exited.
# timeout: 240
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
STATS=/sys/kernel/debug/lguest/stats
stat() { awk -v n="$1" '$1 == n { print $2 }' "$STATS"; }
guest() { # TEST: run it, it must pass
	run_timeout 120 "$LAUNCHER" 64 "$TESTGUEST" "test=$1" >/tmp/out 2>&1
	rc=$?
	out=$(cat /tmp/out)
	echo "$out"
	[ $rc -eq 0 ] || fail "test=$1: lguest exited $rc"
	expect_no_match "$out" '^not ok' "test=$1 output"
	expect_match "$out" "^ok $1\$" "test=$1 output"
}
no_leaks() {
	expect_eq "$(stat pinned_pages)" 0 "pinned pages after $1"
	expect_eq "$(stat shadow_pages)" 0 "shadow pages after $1"
}
load_lg
[ -r "$STATS" ] || fail "no $STATS"
guest paging
cat "$STATS"
no_leaks paging
[ "$(stat pgdir_misses)" -ge 40 ] ||
	fail "8 processes in a cache of 4 should miss at every switch"
h0=$(stat pgdir_hits) m0=$(stat pgdir_misses)
guest paging-fit
h=$(($(stat pgdir_hits) - h0)) m=$(($(stat pgdir_misses) - m0))
note "paging-fit: $h hits, $m misses"
[ "$m" -gt 0 ] && [ "$h" -ge $((m * 100)) ] ||
	fail "paging-fit: $h hits for $m misses"
no_leaks paging-fit
unload_lg
load_lg pgdir_cache=16
expect_eq "$(cat /sys/module/lg/parameters/pgdir_cache)" 16 "pgdir_cache"
guest paging
h=$(stat pgdir_hits) m=$(stat pgdir_misses)
note "paging with 16 shadow page directories: $h hits, $m misses"
[ "$h" -ge $((m * 4)) ] || fail "a cache of 16: $h hits for $m misses"
no_leaks "paging with a cache of 16"
unload_lg
exit 0
