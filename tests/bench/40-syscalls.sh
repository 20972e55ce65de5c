#!/bin/sh
# Direct delivery against reflection: the test guest's ring-3 program
# (test=user) makes 2000 system calls through an interrupt gate, which
# bounces through the Host, and 2000 through a trap gate, which the
# processor delivers straight to ring 1.  The guest counts TSC ticks.
# timeout: 120
. /tests/lib.sh
load_lg
run_timeout 60 "$LAUNCHER" 32 "$TESTGUEST" test=user $GUEST_PAGING >/tmp/out 2>&1 ||
	fail "test=user failed: $(tail -3 /tmp/out)"
line=$(grep '^# 2000 system calls:' /tmp/out) || fail "no timing in: $(cat /tmp/out)"
note "$line"
set -- $(echo "$line" | sed 's/.*: \(0x[0-9a-f]*\) TSC ticks reflected, \(0x[0-9a-f]*\) direct.*/\1 \2/')
r=$(($1 / 2000)) d=$(($2 / 2000))
echo "BENCH syscall-reflected $r TSC-ticks per int \$0x80 through an interrupt gate (via the Host)"
echo "BENCH syscall-direct $d TSC-ticks per int \$0x80 through a trap gate (straight to ring 1)"
unload_lg
