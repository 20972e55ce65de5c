#!/bin/sh
# A write to the read-only state page (the interrupt table that sidt
# reveals) faults, and the guest dies of its own page fault; the Host's
# copy of the table is untouched, and the next guest runs normally.
# timeout: 60
. /tests/lib.sh
load_lg
try_snippet switcher_write '^dead: unhandled trap 14 at'
try_snippet idt_ud2 '^dead: CRASH: handled$'
unload_lg
exit 0
