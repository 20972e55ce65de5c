#!/bin/sh
# A guest that changes its page tables behind the Host's back (a directory
# entry made writable, a directory entry and a page-table entry made user,
# with no hypercall) must see the change at its next access, after one
# fault at most, as on a real processor: the Host refreshes its shadow
# whenever a fault finds it disagreeing with the guest's entries, and
# counts each entry it refreshed in stale_entries.  A Host that answers
# "fixed" from a stale shadow entry sends the guest back to the same
# fault for ever, and the guest runs out of time here.
# timeout: 90
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 30 32 "$TESTGUEST" test=paging-stale $GUEST_PAGING
[ $rc -ne 124 ] || fail "the guest faulted for ever on a stale shadow entry"
guest_passed paging-stale stale-pde-made-writable stale-pde-made-user \
	stale-pte-made-user
n=$(lg_stat stale_entries)
note "$n stale shadow entries refreshed"
[ "$n" -ge 3 ] || fail "3 stale entries, but stale_entries says $n"
unload_lg
exit 0
