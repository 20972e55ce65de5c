#!/bin/sh
# A guest that asks to reboot (LHCALL_SHUTDOWN with RESTART) makes the
# Launcher restart itself with the same arguments: the test guest reboots
# every time, so we count its boots and stop it after a few (closing the
# pipe kills the Launcher with SIGPIPE at its next write).  Afterwards no
# Launcher is left and the module unloads.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
out=$( ("$LAUNCHER" 32 "$TESTGUEST" test=restart; echo "exit $?") |
	head -n 6)
echo "$out"
n=$(printf '%s\n' "$out" | grep -c '^ok restart-boot$')
[ "$n" -ge 2 ] || fail "only $n boots seen"
sleep 1
pidof lguest && fail "a Launcher is still running"
unload_lg
exit 0
