#!/bin/sh
# A guest's sysenter finds SYSENTER_CS zero and faults with #GP(0)
# instead of entering the Host at ring 0; the exit goes to the Launcher,
# which would hand it back to the guest.
# timeout: 60
. /tests/lib.sh
load_lg
try_snippet sysenter '^exit: trap 13 insn 0f 34'
unload_lg
exit 0
