#!/bin/sh
# A guest that loads an LDT selector finds no LDT (the Switcher loads a
# null one): #GP with the selector as error code, reflected; with no
# handler the guest dies and says so.
# timeout: 60
. /tests/lib.sh
load_lg
try_snippet ldt '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x4\)'
unload_lg
exit 0
