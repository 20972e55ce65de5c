#!/bin/sh
# No NMI is lost while guests switch: with a guest going in and out of
# CPU 1 as fast as it can (a loop of "lgsnippet hypercalls"), CPU 0 sends
# NMIs there one at a time with sysrq-l, and CPU 1's count of handled
# NMIs (/proc/interrupts) must grow by exactly the number sent.  A lost
# NMI also holds the sender for 10 s (the backtrace code waits that long
# for the answer), so each round stops sending after 60 s.  The Host's
# own counts (debugfs nmis) say where the NMIs struck: in the guest, or
# in the Switcher, whose mark made the Host replay them.  The second round
# aims at the last instructions before the guest's iret: the module
# parameter widen_nmi_window makes the Switcher spin there, and the NMIs
# that strike there must turn the entry back.
# timeout: 200
# dmesg-ok: NMI handler .* took too long
. /tests/lib.sh
command -v lgsnippet >/dev/null || fail "lgsnippet is not built"
[ "$(nproc)" -eq 2 ] || skip "needs exactly 2 CPUs, not $(nproc)"
nmis() { awk '/^ *NMI:/ { print $3 }' /proc/interrupts; }
hostnmi() { awk -v n="$1" '$1 == n { print $2 }' /sys/kernel/debug/lguest/nmis; }
# round NAME COUNT: a storm on CPU 1, COUNT NMIs from CPU 0; sets $sw
# (NMIs that struck the Switcher) and $back (entries turned back).
round() {
	rm -f /tmp/storm.stop
	( until [ -e /tmp/storm.stop ]; do
		taskset 2 lgsnippet hypercalls >/dev/null 2>&1; done ) &
	storm=$!
	sleep 1
	n0=$(nmis) g0=$(hostnmi in_guest) s0=$(hostnmi in_switcher)
	b0=$(hostnmi turned_back) t0=$(date +%s) sent=0
	while [ $sent -lt "$2" ] && [ $(($(date +%s) - t0)) -lt 60 ]; do
		taskset 1 sh -c 'echo l >/proc/sysrq-trigger'
		sent=$((sent + 1))
	done
	seen=$(($(nmis) - n0)) t=$(($(date +%s) - t0))
	guest=$(($(hostnmi in_guest) - g0)) sw=$(($(hostnmi in_switcher) - s0))
	back=$(($(hostnmi turned_back) - b0))
	touch /tmp/storm.stop
	wait $storm
	note "$1: sent $sent NMIs to CPU 1 in $t s; it handled $seen: $guest struck the guest, $sw the Switcher, $back entries turned back"
	expect_eq "$seen" "$sent" "$1: NMIs handled by CPU 1"
	[ "$sw" -gt 0 ] || fail "$1: no NMI struck the Switcher: the test did not test it"
}
dmesg -n 1
load_lg
round "switching" 200
unload_lg
load_lg widen_nmi_window=1
round "the window widened" 100
[ "$back" -gt 0 ] || fail "no entry turned back: the NMIs missed the window"
unload_lg
dmesg -n 5
exit 0
