#!/bin/sh
# Lab memlock (exercise M:070): the pages a guest pins are charged to
# the Launcher's locked memory, so RLIMIT_MEMLOCK bounds them unless the
# Launcher has CAP_IPC_LOCK.  lglimit (tests/tools/lglimit.c) runs the
# Launcher with a limit and without that capability.
# timeout: 180
. /tests/lib.sh
load_lg
# memory_with CMD...: test=memory (writes all 32 MiB) under CMD.
memory_with() {
	run_timeout 90 "$@" "$LAUNCHER" 32 "$TESTGUEST" test=memory \
		>/tmp/out 2>/tmp/err
	rc=$?
	out=$(cat /tmp/out)
	tail -3 /tmp/out; cat /tmp/err
}
unlimited() {
	memory_with lglimit unlimited
	guest_passed memory
}
limited() {
	memory_with lglimit 4096
	expect_eq "$rc" 1 "the Launcher's status under a 4 MiB limit"
	expect_match "$(cat /tmp/err)" '^lguest: .*RLIMIT_MEMLOCK' "the reason"
	expect_eq "$(lg_stat pinned_pages)" 0 "pinned pages after the guest"
}
capable() {
	memory_with sh -c 'ulimit -l 4096 && exec "$@"' sh
	guest_passed memory
}
charged() {
	lglimit unlimited "$LAUNCHER" 32 "$TESTGUEST" test=spin >/tmp/spin.out 2>&1 &
	_p=$!
	sleep 2
	_l=$(awk '$1 == "VmLck:" { print $2 }' /proc/$_p/status)
	_n=$(lg_stat pinned_pages)
	kill $_p; wait $_p
	note "a spinning guest: $_n pages pinned, the Launcher's VmLck $_l kB"
	[ -n "$_l" ] && [ "$_n" -gt 0 ] && [ "$_l" -ge $((_n * 4)) ] ||
		fail "VmLck '$_l' kB does not cover the $_n pinned pages"
}
lab_check "without a limit, test=memory runs (lglimit unlimited)" unlimited
lab_check "a 4 MiB limit stops test=memory, saying RLIMIT_MEMLOCK" limited
lab_check "CAP_IPC_LOCK lifts the limit (root, ulimit -l 4096)" capable
lab_check "the pins show in the Launcher's VmLck" charged
lab_score memlock
