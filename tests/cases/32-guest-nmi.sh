#!/bin/sh
# NMIs reach the Host while a guest runs: with the test guest spinning,
# "echo l > /proc/sysrq-trigger" makes every CPU print a backtrace from
# its NMI handler, and the CPU that runs the guest answers from inside
# lguest_arch_run_guest.  The spinning Launcher can still be killed.
# timeout: 90
# dmesg-ok: NMI handler .* took too long
. /tests/lib.sh
need "$LAUNCHER" "the Launcher"
need "$TESTGUEST" "the test guest"
load_lg
dmesg -n 1
"$LAUNCHER" 32 "$TESTGUEST" test=spin >/tmp/spin.out 2>&1 &
pid=$!
i=0
until grep -q 'spin-start' /tmp/spin.out; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "the guest never started spinning"
	sleep 0.1
done
tries=0
until dmesg | grep -q 'EIP: lguest_call_host_gate'; do
	tries=$((tries + 1))
	[ $tries -le 10 ] || fail "no NMI backtrace from inside the guest: $(dmesg | grep 'NMI backtrace' | head -5)"
	echo l >/proc/sysrq-trigger
	sleep 1
done
note "$(dmesg | grep -c 'NMI backtrace for cpu') NMI backtraces after $tries sysrq-l"
expect_dmesg 'Comm: lguest'
expect_dmesg 'lguest_arch_run_guest'
kill -0 $pid 2>/dev/null || fail "the Launcher died: $(cat /tmp/spin.out)"
kill $pid
wait $pid
rc=$?
expect_eq "$rc" 143 "exit status of the killed Launcher"
expect_match "$(cat /tmp/spin.out)" 'heartbeat' "guest output"
unload_lg
exit 0
