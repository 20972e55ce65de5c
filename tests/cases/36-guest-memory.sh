#!/bin/sh
# In linear mode the Host maps every page of guest RAM on demand at the
# address of its guest-physical page: the test guest writes a word into
# each page of a 64 MiB guest and reads them all back.
# timeout: 120
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 90 64 "$TESTGUEST" test=memory
guest_passed memory
unload_lg
exit 0
