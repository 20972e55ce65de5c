#!/bin/sh
# The random device: two 32-byte draws arrive whole and differ.  With
# --verbose, the Launcher must not report a failed LHREQ_IRQ (the Host
# accepts interrupts for lines it has not delivered yet).
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_timeout 30 "$LAUNCHER" -v --rng 32 "$TESTGUEST" test=rng >/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
echo "$out"; grep -v 'BAR0 offset\|^lguest: in\|^lguest: out' /tmp/err
[ $rc -eq 0 ] || fail "lguest exited $rc: $(cat /tmp/err)"
expect_match "$out" '^ok rng-differ$' "guest output"
expect_no_match "$out" '^not ok' "guest output"
expect_match "$(cat /tmp/err)" 'rng: driver ready' "lguest -v"
expect_no_match "$(cat /tmp/err)" 'LHREQ_IRQ' "lguest -v"
unload_lg
exit 0
