#!/bin/sh
# sgdt, sidt and str at ring 1 (the Switcher clears UMIP for the guest)
# only reveal the Switcher's tables, which the guest cannot write: the
# write to what sgdt showed is a page fault the guest must take itself,
# and str names the guest's own TSS.
# timeout: 60
. /tests/lib.sh
load_lg
try_snippet sgdt_write '^dead: unhandled trap 14 at'
try_snippet str '^dead: CRASH: handled$'
unload_lg
exit 0
