#!/bin/sh
# The Launcher's loaders and port/PCI emulation, natively on i386 with no
# Host (tests/tools/launcher-emul.c): boot parameters, PCI configuration
# space, BAR sizing, the capability chain, the configuration window, and
# the timer's channel 2 (counting at 1.193182 MHz, the latch, mode 2).
# The console's emerg_wr write must print its character, and exactly the
# nine refused writes must each leave one "refused" line on stderr.
. /tests/lib.sh
dir=$(mktemp -d)
launcher-emul "$TESTGUEST" >"$dir/out" 2>"$dir/stderr"; rc=$?
cat "$dir/out"
echo "--- stderr"; cat "$dir/stderr"
[ $rc -eq 0 ] || fail "$(grep -c '^not ok' "$dir/out") checks failed"
expect_match "$(cat "$dir/out")" '^!ok - emerg_wr write accepted$' \
	"the console's output"
n=$(grep -c 'refused$' "$dir/stderr")
[ "$n" -eq 9 ] || fail "expected 9 'refused' lines on stderr, got $n"
note "$(grep -c '^ok' "$dir/out") checks passed natively"
