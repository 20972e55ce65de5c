#!/bin/sh
# Console input: with no script to run, the Linux guest's /init gives a
# shell on its console, the Launcher's standard input and output.  We
# type commands into it through a FIFO and read their output back: a
# computation, a Ctrl-C that interrupts a sleep in the guest (the byte
# reaches the guest's terminal, which sends SIGINT), and "exit", which
# powers the guest off and ends the Launcher with status 0.
# timeout: 180
. /tests/lib.sh
need_linux
load_lg
rm -f /tmp/in; mkfifo /tmp/in
: >/tmp/out
"$LAUNCHER" --initrd=$LINUX_BASE_INITRD 64 $LINUX $LINUX_CMDLINE \
	</tmp/in >/tmp/out 2>/tmp/err &
pid=$!
exec 3>/tmp/in
type_in() { printf '%s' "$1" >&3; }
# wait_prompt N: wait until the guest's shell has shown its Nth prompt.
wait_prompt() {
	_i=0
	while [ "$(grep -o 'guest (lguest)# ' /tmp/out | wc -l)" -lt $1 ]; do
		_i=$((_i + 1))
		[ $_i -lt 1200 ] || fail "no prompt number $1: $(tail -3 /tmp/out)"
		sleep 0.1
	done
}
wait_prompt 1
type_in 'echo "six times seven is $((6 * 7))"
'
wait_for_line /tmp/out '^six times seven is 42' 20 "no answer to the first command"
wait_prompt 2
type_in 'echo "sleeping"; sleep 100
'
wait_for_line /tmp/out '^sleeping' 20 "the guest did not start its sleep"
sleep 1
type_in "$(printf '\003')"
wait_prompt 3
type_in 'echo "after Ctrl-C: $?"
'
wait_for_line /tmp/out '^after Ctrl-C: 130' 20 "Ctrl-C did not interrupt the guest's sleep"
type_in 'exit
'
wait_gone $pid 30 "the guest did not power off after exit"
wait $pid; rc=$?
exec 3>&-
out=$(tr -d '\r' </tmp/out); echo "$out"; cat /tmp/err
[ $rc -eq 0 ] || fail "lguest exited $rc: $(tail -3 /tmp/err)"
expect_no_match "$out" "$LINUX_BAD" "the guest's kernel"
unload_lg
exit 0
