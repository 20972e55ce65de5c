#!/bin/sh
# Each guest's FPU and SSE registers are its own: two test guests
# (test=fpu, different seeds) run at once on the same host CPU, so the
# Host switches between them all the time, and each keeps checking its
# registers for about two seconds while its Launcher prints heartbeats
# (and uses SSE in its own C library).  Then each sets its virtual TS
# and must take exactly one #NM.
# timeout: 90
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
for s in 3 5; do
	taskset 2 "$LAUNCHER" 32 "$TESTGUEST" test=fpu seed=$s \
		</dev/null >/tmp/fpu$s.out 2>&1 &
	eval pid$s=$!
done
sleep 1
for s in 3 5; do
	eval p=\$pid$s
	note "seed $s: $(grep -h ctxt_switches /proc/$p/task/*/status |
		awk '{ n += $2 } END { print n }') context switches so far"
done
wait $pid3; rc3=$?
wait $pid5; rc5=$?
for s in 3 5; do
	echo "--- seed $s:"
	grep -v heartbeat /tmp/fpu$s.out
	note "seed $s: $(grep -c heartbeat /tmp/fpu$s.out) heartbeats"
	expect_match "$(cat /tmp/fpu$s.out)" '^ok fpu$' "guest $s output"
	expect_no_match "$(cat /tmp/fpu$s.out)" '^not ok' "guest $s output"
done
[ $rc3 -eq 0 ] && [ $rc5 -eq 0 ] || fail "lguest exited $rc3 / $rc5"
unload_lg
exit 0
