#!/bin/sh
# A write the guest has flushed is in the file even when the Launcher is
# killed (SIGKILL) right after; a second guest reads it back.
# timeout: 90
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
make_disk
"$LAUNCHER" --block=$disk 32 "$TESTGUEST" test=block-persist \
	>/tmp/out 2>/tmp/err &
pid=$!
i=0
while ! grep -q '^ok block-flushed' /tmp/out && [ $i -lt 300 ]; do
	sleep 0.1; i=$((i + 1))
done
kill -KILL $pid; wait $pid 2>/dev/null
cat /tmp/out /tmp/err
grep -q '^ok block-flushed' /tmp/out || fail "the guest never flushed"
expect_no_match "$(cat /tmp/out)" '^not ok' "guest output"
got=$(dd if=$disk bs=1 skip=1024 count=34 2>/dev/null)
expect_eq "$got" "written by the guest, then killed" "sector 2 in the file"
run_timeout 30 "$LAUNCHER" --block=$disk 32 "$TESTGUEST" test=block-check \
	>/tmp/out 2>&1 || fail "test=block-check: $(cat /tmp/out)"
cat /tmp/out
expect_match "$(cat /tmp/out)" '^ok block-check$' "second guest"
unload_lg
exit 0
