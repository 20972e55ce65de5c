#!/bin/sh
# An iret to ring 0 (the Switcher's code segment) is refused by the
# processor with #GP(selector), reflected, and kills the handler-less
# guest with that reason.
# timeout: 60
. /tests/lib.sh
load_lg
try_snippet iret_ring0 '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x50\)'
unload_lg
exit 0
