#!/bin/sh
# An idle guest costs the Host nothing: the test guest (test=halt) sits in
# LHCALL_HALT while we measure the Launcher's processor time (user +
# system, all threads, from /proc/PID/stat) over 3 seconds; then a line
# typed on its console wakes it, through the console thread's LHREQ_IRQ;
# a halted guest's Launcher still dies promptly on SIGTERM; and a line
# already there when the guest starts (a file as input) wakes it too.
# Prints the numbers (clock ticks from /proc/PID/stat, and the run time
# the scheduler counted for all its threads, /proc/PID/task/*/schedstat).
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
rm -f /tmp/halt.in
mkfifo /tmp/halt.in || fail "mkfifo"
: >/tmp/halt.out
"$LAUNCHER" 32 "$TESTGUEST" test=halt </tmp/halt.in >/tmp/halt.out 2>&1 &
pid=$!
exec 3>/tmp/halt.in
wait_for_line /tmp/halt.out '^ok halt-start' 10 "the guest never halted"
sleep 0.5
cpu() { awk '{ print $14 + $15 }' /proc/$pid/stat; }
run_us() { cat /proc/$pid/task/*/schedstat | awk '{ s += $1 } END { printf "%d\n", s / 1000 }'; }
c0=$(cpu) r0=$(run_us)
sleep 3
c1=$(cpu) r1=$(run_us)
echo wake >&3
exec 3>&-
wait_gone $pid 10 "the guest did not wake up"
wait $pid
rc=$?
cat /tmp/halt.out
ms=$(( (c1 - c0) * 10 ))
echo "HALT: the Launcher used $ms ms of CPU time in 3 s (ticks $c0 -> $c1); schedstat: $((r1 - r0)) us on a CPU"
[ $rc -eq 0 ] || fail "lguest exited $rc"
expect_match "$(cat /tmp/halt.out)" '^ok halt-woken$' "guest output"
expect_match "$(cat /tmp/halt.out)" '^ok halt-input-text$' "guest output"
expect_no_match "$(cat /tmp/halt.out)" '^not ok' "guest output"
[ $ms -le 150 ] || fail "a halted guest cost $ms ms of CPU in 3 s"
# A signal ends the sleep too: a halted Launcher dies promptly on SIGTERM.
: >/tmp/halt.out
"$LAUNCHER" 32 "$TESTGUEST" test=halt </tmp/halt.in >/tmp/halt.out 2>&1 &
pid=$!
exec 3>/tmp/halt.in
wait_for_line /tmp/halt.out '^ok halt-start' 10 "the second guest never halted"
sleep 0.5
kill -TERM $pid
wait_gone $pid 3 "SIGTERM did not end a halted guest in 3 s"
wait $pid
echo "SIGTERM ended the halted guest (status $?) in about $((i * 100)) ms"
exec 3>&-
# A line that is there before the guest halts (a file as its input) must
# wake it too: its interrupt may arrive before the guest's first halt.
printf 'wake\n' >/tmp/halt.file
# (The redirection is inside: a background job's input is /dev/null.)
run_timeout 30 sh -c 'exec "$0" 32 "$1" test=halt </tmp/halt.file' \
	"$LAUNCHER" "$TESTGUEST" >/tmp/halt.out 2>&1
rc=$?
cat /tmp/halt.out
[ $rc -eq 0 ] || fail "with its input there from the start, lguest exited $rc (124: the guest halted for ever)"
expect_match "$(cat /tmp/halt.out)" '^ok halt-input-text$' "guest output, input from a file"
unload_lg
exit 0
