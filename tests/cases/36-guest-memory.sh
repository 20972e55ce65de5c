#!/bin/sh
# In linear mode the Host maps every page of guest RAM on demand at the
# address of its guest-physical page: the test guest writes a word into
# each page of a 64 MiB guest and reads them all back.
# timeout: 120
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_timeout 90 "$LAUNCHER" 64 "$TESTGUEST" test=memory >/tmp/out 2>&1
rc=$?
out=$(cat /tmp/out)
echo "$out"
[ $rc -eq 0 ] || fail "lguest exited $rc"
expect_match "$out" '^ok memory$' "guest output"
unload_lg
exit 0
