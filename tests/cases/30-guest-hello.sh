#!/bin/sh
# The test guest boots: it finds its boot parameters as the Launcher wrote
# them, makes LHCALL_LGUEST_INIT, says hello through the early console
# (the PCI configuration window of the virtio console) and powers off,
# after which the Launcher exits 0 and says nothing on stderr.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 30 32 "$TESTGUEST" test=hello
guest_passed hello
[ -s /tmp/err ] && fail "stderr is not empty: $(cat /tmp/err)"
expect_match "$out" '^# Hello from the lguest test guest!$' "guest output"
expect_match "$out" '^# command line: test=hello$' "guest output"
unload_lg
exit 0
