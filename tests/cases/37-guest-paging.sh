#!/bin/sh
# Shadow page tables: the test guest builds page tables of its own and
# checks Accessed/Dirty write-back, its own page faults (CR2 and error
# code), that SET_PTE(va, 0) leaves no stale translation, eight processes
# switching round-robin through a cache of four (pgdir_cache=4; the
# default is 16), and a kernel mapping
# changed once.  The Host's counters in debugfs must show the cache at
# work on a workload that fits (hits >> misses), a bigger cache must hold
# all eight processes, and every pin and shadow page must be gone once the
# guest has exited.  A running guest has counters of its own, in
# guests/PID-N, which go when it does.
# timeout: 240
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
guest() { # TEST: run it, it must pass
	run_guest 120 64 "$TESTGUEST" "test=$1" $GUEST_PAGING
	guest_passed "$1"
}
no_leaks() {
	expect_eq "$(lg_stat pinned_pages)" 0 "pinned pages after $1"
	expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after $1"
}
load_lg pgdir_cache=4
[ -r "$LG_STATS" ] || fail "no $LG_STATS"
guest paging
cat "$LG_STATS"
no_leaks paging
[ "$(lg_stat pgdir_misses)" -ge 40 ] ||
	fail "8 processes in a cache of 4 should miss at every switch"
h0=$(lg_stat pgdir_hits) m0=$(lg_stat pgdir_misses)
guest paging-fit
h=$(($(lg_stat pgdir_hits) - h0)) m=$(($(lg_stat pgdir_misses) - m0))
note "paging-fit: $h hits, $m misses"
[ "$m" -gt 0 ] && [ "$h" -ge $((m * 100)) ] ||
	fail "paging-fit: $h hits for $m misses"
no_leaks paging-fit
unload_lg
load_lg pgdir_cache=16
expect_eq "$(cat /sys/module/lg/parameters/pgdir_cache)" 16 "pgdir_cache"
guest paging
h=$(lg_stat pgdir_hits) m=$(lg_stat pgdir_misses)
note "paging with 16 shadow page directories: $h hits, $m misses"
[ "$h" -ge $((m * 4)) ] || fail "a cache of 16: $h hits for $m misses"
no_leaks "paging with a cache of 16"
unload_lg
# One guest's own counters, read while it runs (a spinning guest), and
# gone with it.
load_lg
spin_guest
for f in stats hypercalls traps exits limits; do
	sed "s|^|# ${dir##*/}/$f: |" "$dir/$f"
done
expect_eq "$(lg_stat lguest_init "$dir/hypercalls")" 1 "LGUEST_INIT calls"
[ "$(lg_stat 31 "$dir/traps")" -ge 1 ] || fail "no hypercall counted as trap 31"
[ "$(lg_stat pinned_pages "$dir/stats")" -gt 0 ] || fail "no pinned pages"
[ "$(lg_stat emulate "$dir/exits")" -gt 0 ] || fail "no exit to emulate"
kill -KILL $pid
wait_gone $pid 5 "SIGKILL did not stop the Launcher"
wait $pid
[ -e "$dir" ] && fail "$dir outlived its guest"
no_leaks "the spinning guest"
unload_lg
exit 0
