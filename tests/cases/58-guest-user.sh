#!/bin/sh
# A ring-3 program in the test guest makes system calls through int $0x80
# and gets the right results, reads its thread-local storage through %gs
# (LOAD_TLS) before and after a system call, and system calls through a
# trap gate are delivered directly, much faster than reflected ones.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_timeout 40 "$LAUNCHER" 32 "$TESTGUEST" test=user >/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
echo "$out"; cat /tmp/err
[ $rc -eq 0 ] || fail "lguest exited $rc: $(cat /tmp/err)"
expect_match "$out" '^ok user$' "guest output"
expect_no_match "$out" '^not ok' "guest output"
unload_lg
exit 0
