#!/bin/sh
# The shadow page-directory cache: test=paging-fit switches three
# processes round-robin (a working set that fits the default cache of 4),
# test=paging switches eight (one that does not).  Hits and misses come
# from the Host's counters in debugfs.
# timeout: 120
. /tests/lib.sh
load_lg
[ -r "$LG_STATS" ] || fail "no $LG_STATS"
for t in paging-fit paging; do
	h0=$(lg_stat pgdir_hits) m0=$(lg_stat pgdir_misses) f0=$(lg_stat shadow_faults)
	run_timeout 60 "$LAUNCHER" 32 "$TESTGUEST" test=$t $GUEST_PAGING >/tmp/out 2>&1 ||
		fail "test=$t failed: $(tail -3 /tmp/out)"
	h=$(($(lg_stat pgdir_hits) - h0)) m=$(($(lg_stat pgdir_misses) - m0))
	f=$(($(lg_stat shadow_faults) - f0))
	echo "BENCH pgdir-$t-hits $h switches found in the cache (misses: $m; shadow faults: $f)"
done
unload_lg
