#!/bin/sh
# A guest that breaks the rules dies with a clear reason, the Launcher
# prints it and exits 1, and the Host stays healthy: a hypercall before
# LGUEST_INIT, a hypercall number nobody ever defined, and a guest that
# shuts down with a panic message.
. /tests/lib.sh
need "$LAUNCHER" "the Launcher"
need "$TESTGUEST" "the test guest"
load_lg
run_expect_exit 1 "$LAUNCHER" 32 "$TESTGUEST" test=hcall-before-init
expect_match "$OUT" 'hypercall 4 before INIT' "hypercall before INIT"
expect_no_match "$OUT" 'survived' "hypercall before INIT"
run_expect_exit 1 "$LAUNCHER" 32 "$TESTGUEST" test=bad-hcall
expect_match "$OUT" 'Bad hypercall 99' "unknown hypercall"
expect_no_match "$OUT" 'survived' "unknown hypercall"
run_expect_exit 1 "$LAUNCHER" 32 "$TESTGUEST" test=crash
expect_match "$OUT" 'CRASH: Kernel panic - not syncing: test crash' "crash"
unload_lg
exit 0
