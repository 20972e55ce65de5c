#!/bin/sh
# The shadow page-directory cache: test=paging-fit switches three
# processes round-robin (a working set that fits the default cache of 4),
# test=paging switches eight (one that does not).  Hits and misses come
# from the Host's counters in debugfs.
# timeout: 120
. /tests/lib.sh
load_lg
S=/sys/kernel/debug/lguest/stats
[ -r $S ] || fail "no $S"
stat() { awk -v k="$1" '$1 == k { print $2 }' $S; }
for t in paging-fit paging; do
	h0=$(stat pgdir_hits) m0=$(stat pgdir_misses) f0=$(stat shadow_faults)
	run_timeout 60 "$LAUNCHER" 32 "$TESTGUEST" test=$t >/tmp/out 2>&1 ||
		fail "test=$t failed: $(tail -3 /tmp/out)"
	h=$(($(stat pgdir_hits) - h0)) m=$(($(stat pgdir_misses) - m0))
	f=$(($(stat shadow_faults) - f0))
	echo "BENCH pgdir-$t-hits $h switches found in the cache (misses: $m; shadow faults: $f)"
done
unload_lg
