#!/bin/sh
# The test guest runs at ring 1 under our Switcher: it checks its boot
# parameters and what LGUEST_INIT wrote into lguest_data, says hello and
# powers off, and the Launcher exits 0.
. /tests/lib.sh
need "$LAUNCHER" "the Launcher"
need "$TESTGUEST" "the test guest"
load_lg
run_ok "$LAUNCHER" 32 "$TESTGUEST" test=hello
expect_match "$OUT" 'Hello from the lguest test guest' "guest output"
expect_no_match "$OUT" '^not ok' "guest output"
expect_dmesg 'lguest: Switcher at 0x[0-9a-f]+ \([0-9]+ pages\)'
unload_lg
exit 0
