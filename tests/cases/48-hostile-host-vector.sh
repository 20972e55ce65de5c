#!/bin/sh
# int to a Host vector (0xec, the local timer on this kernel) or to the
# system-call vector with no guest gate finds a privilege-0 gate: #GP with
# the vector in the error code, reflected, and the Host's own handler
# never runs.  So does int to a vector whose exception pushes an error
# code (11), even through a guest gate of privilege 1: its exit stub
# expects the error code, and would have taken the guest's %es for the
# vector (the Host then ran its handler for vector 0x69).
# timeout: 60
. /tests/lib.sh
load_lg
try_snippet int_host '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x762\)'
try_snippet int80 '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x402\)'
try_snippet int_errcode '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x5a\)'
expect_no_match "$(dmesg)" 'No irq handler' 'dmesg'
unload_lg
exit 0
