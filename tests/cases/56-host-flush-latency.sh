#!/bin/sh
# A guest fills the shadow of 64 cached page directories (pgdir_cache=64)
# with up to eight million entries and asks for a full flush; at its end
# the Host tears all of it down.  None of that may keep a CPU from
# rescheduling for long: with the scheduler's LATENCY_WARN on at 500 ms
# and a busy task beside the Launcher on its CPU, the kernel must not warn
# "need_resched set for > ... without schedule" (nor report a soft lockup
# or an RCU stall).  How long a flush takes is for make bench.
# timeout: 400
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
command -v taskset >/dev/null || fail "no taskset"
sched=/sys/kernel/debug/sched
[ -w $sched/features ] || fail "no $sched/features"
restore() {
	echo NO_LATENCY_WARN >$sched/features
	[ -n "${hog:-}" ] && kill $hog 2>/dev/null
}
trap restore EXIT
echo 500 >$sched/latency_warn_ms
echo 0 >$sched/latency_warn_once
echo LATENCY_WARN >$sched/features
taskset -c 1 sh -c 'while :; do :; done' &
hog=$!
load_lg pgdir_cache=64
run_timeout 300 taskset -c 1 "$LAUNCHER" 64 "$TESTGUEST" \
	test=paging-flush-storm $GUEST_PAGING >/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
echo "$out"; cat /tmp/err
guest_passed paging-flush-storm
note "$(lg_stat shadow_reclaims) times the shadow was dropped to fit"
unload_lg
expect_no_match "$(dmesg)" 'need_resched set for' "dmesg"
exit 0
