#!/bin/sh
# The virtio console's queues: the guest writes a line through the transmit
# queue, and reads a line that the host side feeds to the Launcher's
# standard input through the receive queue.  test=hello also ends with a
# line through the queue.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
# (run_timeout starts the command in the background, where a plain sh would
# give it /dev/null as its standard input: hence the explicit redirection.)
printf 'ping\n' >/tmp/in
run_timeout 30 sh -c 'exec "$@" </tmp/in' sh "$LAUNCHER" 32 "$TESTGUEST" \
	test=console >/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
echo "$out"; cat /tmp/err
[ $rc -eq 0 ] || fail "lguest exited $rc: $(cat /tmp/err)"
expect_match "$out" '^ok console-write$' "guest output"
expect_match "$out" '^ok console-read$' "guest output"
expect_no_match "$out" '^not ok' "guest output"
run_timeout 30 "$LAUNCHER" 32 "$TESTGUEST" >/tmp/out 2>&1 </dev/null ||
	fail "test=hello: $(cat /tmp/out)"
expect_match "$(cat /tmp/out)" "^# \.\.\. and hello through the console's queue$" \
	"test=hello output"
unload_lg
exit 0
