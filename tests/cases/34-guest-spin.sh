#!/bin/sh
# A guest that never stops can still be stopped: the Launcher of a
# spinning guest dies promptly on SIGTERM and SIGKILL, and the module
# unloads afterwards.  (Not SIGINT: a background job of a script starts
# with SIGINT ignored.)
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
for sig in TERM KILL; do
	: >/tmp/spin.out        # not the last run's output: the shell may look first
	"$LAUNCHER" 32 "$TESTGUEST" test=spin >/tmp/spin.out 2>&1 &
	pid=$!
	i=0
	until grep -q '^ok spin-start' /tmp/spin.out; do
		i=$((i + 1))
		[ $i -lt 100 ] || fail "the spinning guest never started"
		sleep 0.1
	done
	sleep 1
	kill -$sig $pid
	i=0
	while kill -0 $pid 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 50 ] || fail "SIG$sig did not stop the Launcher in 5s"
		sleep 0.1
	done
	wait $pid
	note "SIG$sig: Launcher gone (status $?); $(grep -c heartbeat /tmp/spin.out) heartbeats"
done
unload_lg
exit 0
