#!/bin/sh
# NMIs reach the Host while a guest runs: with a guest spinning at ring 1
# (lgsnippet spin), "echo l > /proc/sysrq-trigger" makes every CPU print a
# backtrace from its NMI handler, and the CPU that runs the guest answers
# from inside lguest_arch_run_guest.  The spinning Launcher can still be
# killed, and the module unloads afterwards.
# timeout: 90
# dmesg-ok: NMI handler .* took too long
. /tests/lib.sh
command -v lgsnippet >/dev/null || fail "lgsnippet is not built"
load_lg
dmesg -n 1
lgsnippet spin >/tmp/spin.out 2>&1 &
pid=$!
sleep 1
tries=0
until dmesg | grep -q 'EIP: lguest_call_host_gate'; do
	tries=$((tries + 1))
	[ $tries -le 10 ] || fail "no NMI backtrace from inside the guest: $(dmesg | grep 'NMI backtrace' | head -5)"
	echo l >/proc/sysrq-trigger
	sleep 1
done
note "$(dmesg | grep -c 'NMI backtrace for cpu') NMI backtraces after $tries sysrq-l"
expect_dmesg 'Comm: lgsnippet'
expect_dmesg 'lguest_arch_run_guest'
kill -0 $pid 2>/dev/null || fail "the spinning guest ended: $(cat /tmp/spin.out)"
kill $pid
wait $pid
expect_eq "$?" 143 "exit status of the killed Launcher"
dmesg -n 5
unload_lg
exit 0
