#!/bin/sh
# Shadow page tables, continued: all 64 MiB of guest RAM through the
# guest's own page tables, twice, with a full flush between: the first
# pass takes a fault per page (its entries start unused, so fault-around
# must fill none of their neighbours), the second, on entries now used,
# far fewer (fault-around fills each 64 KB at its first fault).  Then
# three page-table entries and a SET_PMD hypercall, which the Host must
# refuse, each killing the guest with a reason that names it: a large page
# (4 MB, or 2 MB on a PAE Host), a frame beyond RAM, an entry in the
# Switcher's slot, and SET_PMD, which a two-level Host does not have and a
# PAE Host refuses for an index beyond the page directory.  The guest pages
# in the Host's format.  No pin or shadow page may outlive its guest.
# timeout: 180
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 120 64 "$TESTGUEST" test=paging-memory $GUEST_PAGING
guest_passed paging-memory
cat "$LG_STATS"
n=$(lg_stat shadow_faults)
[ "$n" -ge 15000 ] ||
	fail "$n shadow faults: the first pass alone should take 15000 or more"
[ "$n" -lt 24000 ] ||
	fail "$n shadow faults: the second pass should take far fewer than the first"
if [ -n "$HOST_PAE" ]; then
	guest_dies paging-pse '^lguest: bad page directory entry 0x200083 for 0x80000000: a 2 MB \(PSE\) page$'
else
	guest_dies paging-pse '^lguest: bad page directory entry 0x400083 for 0x80000000: a 4 MB \(PSE\) page$'
fi
guest_dies paging-beyond '^lguest: bad page table entry 0xf0000003 for 0x80000000: frame 0xf0000 is beyond guest memory$'
guest_dies paging-switcher "^lguest: SET_PTE for 0x[0-9a-f]+ in the Switcher's region\$"
if [ -n "$HOST_PAE" ]; then
	guest_dies paging-set-pmd '^lguest: SET_PMD index 512 is beyond the table$'
else
	guest_dies paging-set-pmd '^lguest: Bad hypercall 13$'
fi
expect_eq "$(lg_stat pinned_pages)" 0 "pinned pages after the guests"
expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after the guests"
unload_lg
