#!/bin/sh
# The shadow of the guest's kernel half is shared by every cached page
# directory (H:733): a kernel page that one process faulted in is in the
# shadow for all of them, and after a full flush the first process to
# touch it faults it in for all again.  test=paging-share has three
# processes read 32 kernel pages, before and after a full flush;
# test=paging-share-one has only the first read them.  The difference in
# the Host's shadow_faults is what the other two processes cost: 0 with a
# shared kernel half, 128 (32 pages, 2 processes, 2 rounds) with one per
# slot.  Both formats (GUEST_PAGING).
# timeout: 90
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
share() { # TEST: run it, it must pass; $n is the shadow faults it cost
	f0=$(lg_stat shadow_faults)
	run_guest 60 64 "$TESTGUEST" "test=$1" $GUEST_PAGING
	guest_passed "$1"
	n=$(($(lg_stat shadow_faults) - f0))
}
load_lg
share paging-share-one
one=$n
share paging-share
all=$n
note "shadow faults: $one with one process reading, $all with three"
[ $((all - one)) -lt 16 ] ||
	fail "the other processes faulted the kernel pages in again: $all shadow faults against $one"
expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after the guests"
unload_lg
exit 0
