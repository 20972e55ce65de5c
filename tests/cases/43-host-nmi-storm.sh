#!/bin/sh
# NMIs while guests switch in and out as fast as they can: a spinning
# guest, and three rounds of a 100000-hypercall storm and a page-touching
# guest side by side on both CPUs, with sysrq-l backtraces fired at them.
# Every guest must end normally, no NMI may be taken for an unknown
# reason (a lost or invented NMI mark), and the kernel must stay quiet.
# timeout: 200
# dmesg-ok: NMI handler .* took too long
. /tests/lib.sh
command -v lgsnippet >/dev/null || fail "lgsnippet is not built"
load_lg
dmesg -n 1
lgsnippet spin >/dev/null 2>&1 &
spinner=$!
round=0
while [ $round -lt 3 ]; do
	lgsnippet hypercalls >/tmp/storm.$round 2>&1 &
	storm=$!
	lgsnippet touch >/tmp/touch.$round 2>&1 &
	touch=$!
	for i in 1 2 3; do echo l >/proc/sysrq-trigger; sleep 0.3; done
	wait $storm || fail "storm $round: $(cat /tmp/storm.$round)"
	wait $touch || fail "touch $round: $(cat /tmp/touch.$round)"
	expect_match "$(cat /tmp/storm.$round)" 'CRASH: Power down' "storm $round"
	expect_match "$(cat /tmp/touch.$round)" 'CRASH: Power down' "touch $round"
	round=$((round + 1))
done
kill $spinner
wait $spinner
note "$(dmesg | grep -c 'NMI backtrace for cpu') NMI backtraces, $(dmesg | grep -c 'EIP: lguest_call_host_gate') of them from inside a guest; $(grep -h 'us each' /tmp/storm.* | head -1)"
expect_no_match "$(dmesg)" 'unknown reason|Dazed and confused' "dmesg"
dmesg -n 5
unload_lg
exit 0
