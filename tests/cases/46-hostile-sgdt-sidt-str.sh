#!/bin/sh
# sgdt, sidt and str at ring 1 fault: the Switcher leaves UMIP on while a
# guest runs, so each raises #GP(0), which the Host hands to the Launcher
# as trap 13 with the instruction's bytes (a real Launcher then gives the
# fault back to the guest).  No guest learns where the Switcher's tables
# are.  The test guest's ring-3 program meets the same rule.
# timeout: 60
. /tests/lib.sh
load_lg
try_snippet sgdt '^exit: trap 13 insn 0f 01 05'
try_snippet sidt '^exit: trap 13 insn 0f 01 0d'
try_snippet str '^exit: trap 13 insn 66 0f 00'
unload_lg
exit 0
