#!/bin/sh
# A hundred guests in a row leave no trace: free memory and slab usage
# end up where they started (within a little noise), and the module
# unloads afterwards.  Prints the numbers and the time per guest.
# timeout: 300
. /tests/lib.sh
need "$LAUNCHER" "the Launcher"
need "$TESTGUEST" "the test guest"
load_lg
"$LAUNCHER" 32 "$TESTGUEST" test=hello >/dev/null 2>&1 || fail "first guest failed"
meminfo() { sync; echo 3 >/proc/sys/vm/drop_caches; awk -v k="$1:" '$1 == k { print $2 }' /proc/meminfo; }
free0=$(meminfo MemFree) slab0=$(meminfo Slab)
t0=$(date +%s)
n=0
while [ $n -lt 100 ]; do
	"$LAUNCHER" 32 "$TESTGUEST" test=hello >/tmp/many.out 2>&1 ||
		fail "guest $n failed: $(tail -3 /tmp/many.out)"
	n=$((n + 1))
done
t1=$(date +%s)
free1=$(meminfo MemFree) slab1=$(meminfo Slab)
note "100 guests in $((t1 - t0)) s; MemFree $free0 -> $free1 kB, Slab $slab0 -> $slab1 kB"
[ $((free0 - free1)) -lt 2048 ] || fail "MemFree dropped by $((free0 - free1)) kB"
[ $((slab1 - slab0)) -lt 1024 ] || fail "Slab grew by $((slab1 - slab0)) kB"
unload_lg
exit 0
