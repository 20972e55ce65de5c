#!/bin/sh
# /dev/lguest rejects malformed writes with the documented errors: short
# writes, unknown and obsolete requests, bad INITIALIZE words, a second
# INITIALIZE, the wrong vCPU, and a read() from a task other than the one
# that initialised the guest (and GETREG, SETREG, SETREGS and TRAP from
# one); and our own EXITREGS and SETREGS (all pairs checked before any
# register changes).
# The checks themselves are in tests/tools/lgdev.c; each prints an
# ok/not ok line.
. /tests/lib.sh
insmod "$LG_KO" || fail "insmod failed"
out=$(lgdev 2>&1); rc=$?
echo "$out"
rmmod lg || fail "rmmod failed"
[ $rc -eq 0 ] || fail "$(echo "$out" | grep -c '^not ok') checks failed"
expect_match "$out" '^ok - good INITIALIZE returns 16' "lgdev"
