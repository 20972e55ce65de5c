#!/bin/sh
# Lab ctrl-c (exercise M:080): with --ctrl-c, three ^C characters within
# a second on the console's input stop the Launcher with SIGINT; without
# it, ^C is just a character for the guest.  The console is fed from a
# pipe a second after the start, once the guest is waiting for it
# (test=halt reads one line and powers off), with SIGINT at its
# default disposition (sigdfl): a script's background job ignores it.
# timeout: 90
. /tests/lib.sh
load_lg
# halt_with INPUT ARGS...: run test=halt with INPUT (printf format) as its
# standard input; $rc is the Launcher's status, $out its output.
halt_with() {
	rm -f /tmp/in   # another test may have left a FIFO of that name
	printf "$1" >/tmp/in; shift
	run_timeout 30 sigdfl sh -c '(sleep 1; cat /tmp/in) | "$@"' sh \
		"$LAUNCHER" "$@" 32 \
		"$TESTGUEST" test=halt >/tmp/out 2>/tmp/err
	rc=$?
	out=$(cat /tmp/out)
	echo "$out"; cat /tmp/err
}
usage() {
	out=$("$LAUNCHER" --help 2>&1)
	expect_match "$out" '--ctrl-c' "lguest --help"
}
typing() {
	halt_with 'wake\n' --ctrl-c
	guest_passed halt-input-text
}
three() {
	halt_with '\003\003\003' --ctrl-c
	expect_eq "$rc" 130 "the Launcher's status (killed by SIGINT is 130)"
}
plain() {
	halt_with '\003\003\003'
	expect_eq "$rc" 0 "the Launcher's status without --ctrl-c"
	expect_match "$out" '^not ok halt-input-text' "the guest got the characters"
}
lab_check "lguest --help mentions --ctrl-c" usage
lab_check "with --ctrl-c, typing still reaches the guest" typing
lab_check "with --ctrl-c, three ^C stop the Launcher with SIGINT" three
lab_check "without it, ^C is only a character for the guest" plain
lab_score ctrl-c
