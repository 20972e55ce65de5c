#!/bin/sh
# A guest that never stops can still be stopped: the Launcher of a
# spinning guest dies promptly on SIGINT, SIGTERM and SIGKILL, the module
# unloads afterwards, and a new guest then runs.  (A background job of a
# script starts with SIGINT ignored, and execve keeps that; the sigdfl
# test tool puts SIGINT back to its default for the Launcher.)
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
command -v sigdfl >/dev/null || fail "sigdfl is not built"
load_lg
for sig in INT TERM KILL; do
	: >/tmp/spin.out        # not the last run's output: the shell may look first
	sigdfl "$LAUNCHER" 32 "$TESTGUEST" test=spin >/tmp/spin.out 2>&1 &
	pid=$!
	wait_for_line /tmp/spin.out '^ok spin-start' 10 "the spinning guest never started"
	sleep 1
	kill -$sig $pid
	wait_gone $pid 5 "SIG$sig did not stop the Launcher in 5s"
	wait $pid
	note "SIG$sig: Launcher gone (status $?); $(grep -c heartbeat /tmp/spin.out) heartbeats"
done
unload_lg
load_lg
run_timeout 30 "$LAUNCHER" 32 "$TESTGUEST" >/tmp/out 2>&1 </dev/null ||
	fail "the next guest: $(cat /tmp/out)"
expect_match "$(cat /tmp/out)" '^ok hello$' "the next guest"
note "a new guest ran after the three signals"
unload_lg
exit 0
