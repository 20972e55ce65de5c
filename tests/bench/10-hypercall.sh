#!/bin/sh
# The cost of one world switch: a guest (lgsnippet hypercalls) makes
# 100000 LHCALL_FLUSH_ASYNC hypercalls in a loop; each is a trip from
# ring 1 through the Switcher into the Host's C code and back.  Five runs;
# the report takes the median.
# timeout: 300
. /tests/lib.sh
load_lg
vals=
for i in 1 2 3 4 5; do
	out=$(lgsnippet hypercalls) || fail "lgsnippet hypercalls failed: $out"
	v=$(echo "$out" | sed -n 's/^100000 hypercalls: \([0-9.]*\) us each$/\1/p')
	[ -n "$v" ] || fail "no timing in: $out"
	note "run $i: $v us"
	vals="$vals $v"
done
med=$(echo $vals | tr ' ' '\n' | sort -n | sed -n 3p)
echo "BENCH hypercall-round-trip $med us median of 5 x 100000 hypercalls"
unload_lg
