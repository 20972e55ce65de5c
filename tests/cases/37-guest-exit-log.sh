#!/bin/sh
# The exit log (H:520): with lg.exit_log=1 each guest's debugfs directory
# has an exit_log file with its last exits, oldest first: trap, %eax, one
# more word, %eip, %esp, eight stack words, the ring's count and numbers.
# The test guest's first hypercall is LHCALL_LGUEST_INIT (trap 31, %eax
# 1, %ebx the address of its lguest_data), after the page faults of its
# first instructions (trap 14, %cr2 the address); writing to the file
# empties it, and with the parameter off nothing more is logged.
# timeout: 120
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg exit_log=1
expect_eq "$(cat /sys/module/lg/parameters/exit_log)" Y "exit_log"
spin_guest
[ -r "$dir/exit_log" ] || fail "no $dir/exit_log"
head -3 "$dir/exit_log" | sed 's/^/# exit_log: /'
first=$(head -1 "$dir/exit_log")
set -- $first
[ $# -ge 14 ] || fail "an exit_log line has $# fields, want 14 or more: $first"
expect_eq "$1" 14 "the first exit's trap: a page fault"
first=$(grep -m1 '^31 ' "$dir/exit_log")
set -- $first
expect_eq "$1 $2" "31 1" "the first hypercall (trap, %eax): LGUEST_INIT"
[ "$3" != 0 ] || fail "LGUEST_INIT logged without its lguest_data address"
[ "$4" != 0 ] || fail "LGUEST_INIT logged without the guest's %eip"
echo >"$dir/exit_log"
grep -q '^31 1 ' "$dir/exit_log" && fail "writing to exit_log did not empty it"
echo 0 >/sys/module/lg/parameters/exit_log
echo >"$dir/exit_log"
sleep 1
n=$(wc -l <"$dir/exit_log")
expect_eq "$n" 0 "exits logged with exit_log=0"
echo 1 >/sys/module/lg/parameters/exit_log
i=0
while [ "$(wc -l <"$dir/exit_log")" = 0 ] && [ $i -lt 50 ]; do
	sleep 0.1; i=$((i + 1))
done
[ "$(wc -l <"$dir/exit_log")" -gt 0 ] || fail "exit_log=1 again, no exit logged"
kill -KILL $pid
wait_gone $pid 5 "SIGKILL did not stop the Launcher"
wait $pid
[ -e "$dir" ] && fail "$dir outlived its guest"
unload_lg
exit 0
