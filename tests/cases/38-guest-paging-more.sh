#!/bin/sh
# Shadow page tables, continued: all 64 MiB of guest RAM through the
# guest's own page tables, twice, with a full flush between; and three
# page-table entries and the PAE-only SET_PMD hypercall, which the Host
# must refuse, each killing the guest with a reason that names it.  No pin or shadow page may outlive its guest.
# timeout: 180
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
STATS=/sys/kernel/debug/lguest/stats
stat() { awk -v n="$1" '$1 == n { print $2 }' "$STATS"; }
load_lg
run_timeout 120 "$LAUNCHER" 64 "$TESTGUEST" test=paging-memory >/tmp/out 2>&1
rc=$?
out=$(cat /tmp/out)
echo "$out"
[ $rc -eq 0 ] || fail "test=paging-memory: lguest exited $rc"
expect_match "$out" '^ok paging-memory$' "paging-memory output"
cat "$STATS"
[ "$(stat shadow_faults)" -ge 32000 ] ||
	fail "64 MiB twice should take 32000 shadow faults or more"
dies() { # TEST EXPECTED-STDERR-REGEX
	run_timeout 30 "$LAUNCHER" 32 "$TESTGUEST" "test=$1" >/tmp/out 2>/tmp/err
	rc=$?
	note "test=$1: exit $rc, stderr: $(cat /tmp/err)"
	[ $rc -eq 1 ] || fail "test=$1: lguest exited $rc, expected 1"
	expect_match "$(cat /tmp/err)" "$2" "test=$1 stderr"
	expect_no_match "$(cat /tmp/out)" '^not ok' "test=$1 output"
}
dies paging-pse '^lguest: bad page directory entry 0x400083 for 0x80000000: a 4 MB \(PSE\) page$'
dies paging-beyond '^lguest: bad page table entry 0xf0000003 for 0x80000000: frame 0xf0000 is beyond guest memory$'
dies paging-switcher "^lguest: SET_PTE for 0x[0-9a-f]+ in the Switcher's region\$"
dies paging-set-pmd '^lguest: Bad hypercall 13$'
expect_eq "$(stat pinned_pages)" 0 "pinned pages after the guests"
expect_eq "$(stat shadow_pages)" 0 "shadow pages after the guests"
unload_lg
exit 0
