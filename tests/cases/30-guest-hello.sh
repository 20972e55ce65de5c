#!/bin/sh
# The test guest boots: it finds its boot parameters as the Launcher wrote
# them, makes LHCALL_LGUEST_INIT, says hello through the early console
# (the PCI configuration window of the virtio console) and powers off,
# after which the Launcher exits 0 and says nothing on stderr.  The early
# console aims its window once (T:230) and writes 0xCF8 only when the
# address changes (T:220): with --verbose, the guest's port writes number
# fewer than 1.5 per character it printed (eight each when it aimed the
# window before every character, two when it wrote 0xCF8 before each).
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
run_guest 30 32 "$TESTGUEST" test=hello
guest_passed hello
[ -s /tmp/err ] && fail "stderr is not empty: $(cat /tmp/err)"
expect_match "$out" '^# Hello from the lguest test guest!$' "guest output"
expect_match "$out" '^# command line: test=hello$' "guest output"
run_guest 30 --verbose 32 "$TESTGUEST" test=hello >/dev/null
guest_passed hello
chars=$(wc -c </tmp/out)
outs=$(grep -c '^lguest: out' /tmp/err)
note "$chars characters printed with $outs port writes"
[ $((2 * outs)) -lt $((3 * chars)) ] ||
	fail "$outs port writes for $chars characters: 1.5 or more each"
unload_lg
exit 0
