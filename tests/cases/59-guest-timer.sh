#!/bin/sh
# The guest's clock: SET_CLOCKEVENT at 100 Hz for 2 s of lguest_data.time
# delivers about 200 ticks to a guest that halts in between.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_timeout 40 "$LAUNCHER" 32 "$TESTGUEST" test=timer >/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
echo "$out"; cat /tmp/err
[ $rc -eq 0 ] || fail "lguest exited $rc: $(cat /tmp/err)"
expect_match "$out" '^ok timer$' "guest output"
expect_no_match "$out" '^not ok' "guest output"
unload_lg
exit 0
