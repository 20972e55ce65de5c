#!/bin/sh
# The cost of flushing a crowded shadow: test=paging-flush-storm fills the
# shadows of 64 cached page directories (pgdir_cache=64) as full as the
# Host lets it, times one full flush (LHCALL_FLUSH_TLB with 1) with the
# time-stamp counter, fills them again and exits, leaving the Host to tear
# everything down.  Reported: the flush, converted at the Host's cpu MHz,
# and the guest's whole life, fills and teardown included.
# timeout: 600
. /tests/lib.sh
load_lg pgdir_cache=64
mhz=$(awk -F': *' '/^cpu MHz/ { print $2; exit }' /proc/cpuinfo)
a=$(cut -d' ' -f1 /proc/uptime)
run_timeout 500 "$LAUNCHER" 64 "$TESTGUEST" test=paging-flush-storm $GUEST_PAGING \
	>/tmp/out 2>&1 || fail "test=paging-flush-storm failed: $(tail -3 /tmp/out)"
b=$(cut -d' ' -f1 /proc/uptime)
grep -q '^ok paging-flush-storm' /tmp/out || fail "no ok: $(tail -3 /tmp/out)"
k=$(sed -n 's/^# flush-all kcycles 0x\([0-9a-f]*\).*/\1/p' /tmp/out)
us=$(awk -v k=$((0x$k)) -v m="$mhz" 'BEGIN { printf "%.0f", k * 1024 / m }')
r=$(lg_stat shadow_reclaims)
echo "BENCH flush-all $us us for one full flush of 64 crowded shadows (pgdir_cache=64; shadow dropped $r times to fit)"
echo "BENCH flush-storm-life $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b - a }') s for test=paging-flush-storm: two fills, the flush, the teardown"
unload_lg
