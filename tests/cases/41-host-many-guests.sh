#!/bin/sh
# Two hundred guests in a row leave no trace: each (lgsnippet touch)
# writes to 240 pages of its RAM, so the Host pins and maps them all, and
# when it is gone free memory and slab usage are back where they started
# (within a little noise), the Host's count of pinned pages (debugfs) is 0
# again, and the module unloads.  Prints the numbers.
# timeout: 300
. /tests/lib.sh
command -v lgsnippet >/dev/null || fail "lgsnippet is not built"
load_lg
lgsnippet touch | grep -q 'CRASH: Power down' || fail "touch: $(lgsnippet touch)"
meminfo() {
	sync; echo 3 >/proc/sys/vm/drop_caches
	awk -v k="$1:" '$1 == k { print $2 }' /proc/meminfo
}
free0=$(meminfo MemFree) slab0=$(meminfo Slab)
t0=$(date +%s)
n=0
while [ $n -lt 200 ]; do
	out=$(lgsnippet touch) || fail "guest $n: $out"
	expect_match "$out" 'CRASH: Power down' "guest $n"
	n=$((n + 1))
done
t1=$(date +%s)
free1=$(meminfo MemFree) slab1=$(meminfo Slab)
[ -r "$LG_STATS" ] || fail "no $LG_STATS"
pinned=$(lg_stat pinned_pages)
note "pinned pages after 200 guests: $pinned"
expect_eq "$pinned" 0 "pinned pages"
note "200 guests in $((t1 - t0)) s; MemFree $free0 -> $free1 kB, Slab $slab0 -> $slab1 kB"
[ $((free0 - free1)) -lt 2048 ] || fail "MemFree dropped by $((free0 - free1)) kB"
[ $((slab1 - slab0)) -lt 1024 ] || fail "Slab grew by $((slab1 - slab0)) kB"
unload_lg
exit 0
