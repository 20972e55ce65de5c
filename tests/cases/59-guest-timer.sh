#!/bin/sh
# The guest's clock: SET_CLOCKEVENT at 100 Hz for 2 s of lguest_data.time
# delivers about 200 ticks to a guest that halts in between.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 40 32 "$TESTGUEST" test=timer
guest_passed timer
unload_lg
exit 0
