#!/bin/sh
# PAE.  A Host runs guests of its own page-table format only, and says so
# at a guest's first page table: the test guest in the other format dies
# with one line that names the format the Host runs.  On a PAE Host, the
# PAE guest's hostile page tables: NX, in a page-table entry, in a
# page-directory entry, and given later with SET_PTE, must stop
# instruction fetches (error code 0x11) and nothing else, and a Host that
# copies NX into its shadow but forgets it when it decides whose fault a
# fetch is makes the guest fault for ever; reserved bits in a page-table
# entry (bit 52) or a page-directory entry (bit 62), a PDPT entry with a
# flag besides present, one naming a page directory beyond RAM, and a
# PDPT not aligned to 32 bytes each kill the guest with a reason that
# names them (a Host that copied reserved bits into its shadow would make
# the guest fault for ever instead); and the guest's own entries for the
# Switcher's slot, SET_PMD there, and SET_PGD of the PDPT entry that the
# Switcher shares with the guest's kernel, in a cached shadow that is not
# running and in the running one, change nothing of the Switcher's (the
# original Host oopsed on the second).  No pin or shadow page outlives a
# guest.
# timeout: 240
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
other_format_dies() { # GUEST-ARGS... : the guest dies at its first table
	run_timeout 30 "$LAUNCHER" 32 "$TESTGUEST" test=paging "$@" \
		>/tmp/out 2>/tmp/err
	rc=$?
	cat /tmp/out /tmp/err
	[ $rc -eq 1 ] || fail "a guest of the other format: lguest exited $rc"
	[ "$(grep -c '^lguest: ' /tmp/err)" -eq 1 ] ||
		fail "not one line from lguest: $(cat /tmp/err)"
	expect_match "$(cat /tmp/err)" "$want" "the other format's death"
}
load_lg
if [ -z "$HOST_PAE" ]; then
	want='^lguest: guest page tables are PAE ones, and this Host runs only non-PAE guests$'
	other_format_dies pae
	expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after the guest"
	unload_lg
	exit 0
fi
want='^lguest: guest page tables are not PAE ones, and this Host runs only PAE guests$'
other_format_dies
run_guest 60 32 "$TESTGUEST" test=paging-nx pae
[ $rc -ne 124 ] || fail "an NX fetch fault went round for ever"
guest_passed paging-nx nx-plain-runs nx-pte-faults nx-pde-faults \
	nx-later-runs nx-later-faults
guest_dies paging-reserved '^lguest: bad page table entry 0x100000[0-9a-f]{8} for 0x80000000: reserved bits 0x10000000000000$'
guest_dies paging-reserved-pde '^lguest: bad page directory entry 0x40000000[0-9a-f]{8} for 0x80000000: flags 0x4000000000000000$'
guest_dies paging-pdpt-flags '^lguest: bad page directory pointer entry 0x[0-9a-f]+3 for 0x80000000: flags 0x2$'
guest_dies paging-pdpt-beyond '^lguest: bad page directory pointer entry 0x2000001 for 0x80000000: page directory beyond guest memory$'
guest_dies paging-pdpt-align '^lguest: bad page directory pointer table 0x[0-9a-f]+8$'
run_guest 60 32 "$TESTGUEST" test=paging-pae-switcher pae
guest_passed paging-pae-switcher pae-switcher-readable pae-switcher-not-ours \
	pae-switcher-write pae-switcher-kernel pae-switcher-still-ours
expect_eq "$(lg_stat pinned_pages)" 0 "pinned pages after the guests"
expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after the guests"
unload_lg
exit 0
