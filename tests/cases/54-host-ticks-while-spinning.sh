#!/bin/sh
# The Host keeps its own time while a guest spins: with the Launcher of a
# spinning guest pinned to CPU 1, that CPU's local timer interrupts (LOC
# in /proc/interrupts) keep arriving at the Host's rate (250 Hz on this
# kernel), because every tick that hits the guest is handed to the Host's
# handler; and the Launcher really was running there meanwhile.  The
# yardstick is CPU 0's count over the same two seconds, not the nominal
# 500: a QEMU starved by a busy build machine delivers fewer ticks to
# both CPUs alike, while a Switcher that swallowed ticks would starve CPU 1
# alone.  Prints the numbers.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
[ "$(grep -c '^processor' /proc/cpuinfo)" -ge 2 ] || skip "needs two CPUs"
load_lg
loc() { awk '$1 == "LOC:" { print $3 }' /proc/interrupts; }
loc0() { awk '$1 == "LOC:" { print $2 }' /proc/interrupts; }
cpu() { awk '{ print $14 + $15 }' /proc/$pid/stat; }
: >/tmp/spin.out
taskset 2 "$LAUNCHER" 32 "$TESTGUEST" test=spin </dev/null >/tmp/spin.out 2>&1 &
pid=$!
wait_for_line /tmp/spin.out '^ok spin-start' 10 "the spinning guest never started"
l0=$(loc) c0=$(cpu) z0=$(loc0)
sleep 2
l1=$(loc) c1=$(cpu) z1=$(loc0)
kill -KILL $pid
wait $pid
note "CPU 1: $((l1 - l0)) local timer interrupts in 2 s (CPU 0: $((z1 - z0))); Launcher used $(( (c1 - c0) * 10 )) ms of CPU"
[ $((c1 - c0)) -ge 100 ] || fail "the guest did not spin on CPU 1 ($((c1 - c0)) ticks)"
[ $((z1 - z0)) -ge 100 ] || fail "CPU 0 itself got only $((z1 - z0)) ticks in 2 s: the VM is starved"
[ $(( (l1 - l0) * 2 )) -ge $((z1 - z0)) ] ||
	fail "only $((l1 - l0)) timer interrupts on CPU 1 in 2 s, against $((z1 - z0)) on CPU 0"
unload_lg
exit 0
