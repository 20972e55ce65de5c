#!/bin/sh
# Killed in the middle of writing: a Linux guest writes 4 MiB to its disk
# and flushes them (fsync: a FLUSH request, which the Launcher turns into
# fdatasync), then keeps writing elsewhere without a flush, its page cache
# writing back at once; we SIGKILL the Launcher in the middle of that.  The flushed data must be in the file,
# byte for byte; a new Launcher on the same file boots a guest that reads
# it back, and writes and flushes again at the end of the disk.
# timeout: 300
. /tests/lib.sh
need_linux
load_lg
dd if=/dev/zero of=/tmp/kill.img bs=1M count=16 2>/dev/null
linux_initrd /tmp/kill1.cpio <<'GUEST'
set -e
pattern 5 4M | dd of=/dev/vda bs=64k conv=fsync 2>/dev/null
echo "@@FLUSHED"
# From now on the page cache writes back at once, without flushes.
echo 65536 >/proc/sys/vm/dirty_background_bytes
echo 10 >/proc/sys/vm/dirty_writeback_centisecs
echo 10 >/proc/sys/vm/dirty_expire_centisecs
i=0
while :; do
	i=$((i + 1))
	echo "guest: unflushed pass $i"
	pattern $((100 + i)) 8M | dd of=/dev/vda bs=64k seek=64 2>/dev/null
done
GUEST
"$LAUNCHER" --block=/tmp/kill.img --initrd=/tmp/kill1.cpio 64 $LINUX \
	$LINUX_CMDLINE >/tmp/out 2>/tmp/err &
pid=$!
wait_for_line /tmp/out '^@@FLUSHED' 150 "the guest never flushed"
wait_for_line /tmp/out 'unflushed pass 2' 60 "the guest did not go on writing"
sleep 1
kill -KILL $pid
wait $pid
note "killed the Launcher: status $?"
out=$(tr -d '\r' </tmp/out); echo "$out"; cat /tmp/err
expect_no_match "$out" "$LINUX_BAD" "the first guest's kernel"
pattern 5 4M >/tmp/p5
dd if=/tmp/kill.img bs=1M count=4 2>/dev/null | cmp /tmp/p5 - ||
	fail "the flushed 4 MiB are not in the file"
note "the flushed data is in the file"
n=$(dd if=/tmp/kill.img bs=1M skip=4 count=8 2>/dev/null | tr -d '\000' | wc -c)
note "$n non-zero bytes of the unflushed writes reached the file"
[ "$n" -gt 0 ] || fail "no unflushed write reached the file before the kill"
linux_initrd /tmp/kill2.cpio <<'GUEST'
set -e
pattern 5 4M >/tmp/p5
dd if=/dev/vda bs=1M count=4 2>/dev/null | cmp /tmp/p5 -
echo "guest: the flushed data is there"
pattern 6 1M | dd of=/dev/vda bs=1M seek=15 conv=fsync 2>/dev/null
GUEST
run_linux 180 --block=/tmp/kill.img --initrd=/tmp/kill2.cpio 64 $LINUX \
	$LINUX_CMDLINE
linux_passed
expect_match "$out" '^guest: the flushed data is there$' "the second guest"
pattern 6 1M >/tmp/p6
dd if=/tmp/kill.img bs=1M skip=15 2>/dev/null | cmp /tmp/p6 - ||
	fail "the second guest's write is not in the file"
rm -f /tmp/kill.img /tmp/p5 /tmp/p6
unload_lg
exit 0
