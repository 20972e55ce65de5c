#!/bin/sh
# Four Linux guests, with a disk and the rng, killed (SIGKILL) one after
# the other at different moments: early in the boot, later in the boot,
# while running a busy loop after /init, and wherever it is after 6 s.
# After each, the Host's own counters (debugfs) show no page still
# pinned, and after the last no shadow page either; then lg.ko unloads,
# and free memory is back where it was (within a little noise).
# timeout: 300
. /tests/lib.sh
need_linux
load_lg
meminfo() {
	sync; echo 3 >/proc/sys/vm/drop_caches
	awk -v k="$1:" '$1 == k { print $2 }' /proc/meminfo
}
dd if=/dev/zero of=/tmp/cycle.img bs=1M count=4 2>/dev/null
linux_initrd /tmp/cycle.cpio <<'GUEST'
echo "guest: busy"
while :; do spawn 20 >/dev/null; pattern 1 1M | sha256sum >/dev/null; done
GUEST
free0=$(meminfo MemFree)
for when in 1 3 init 6; do
	"$LAUNCHER" --block=/tmp/cycle.img --rng --initrd=/tmp/cycle.cpio 64 \
		$LINUX $LINUX_CMDLINE >/tmp/out 2>&1 &
	pid=$!
	if [ $when = init ]; then
		wait_for_line /tmp/out '^guest: busy' 180 "the guest never got busy"
		sleep 1
	else
		sleep $when
	fi
	kill -0 $pid 2>/dev/null || fail "the Launcher had already exited: $(cat /tmp/out)"
	kill -KILL $pid
	wait $pid
	pinned=$(lg_stat pinned_pages)
	note "killed at $when: pinned pages $pinned, shadow pages $(lg_stat shadow_pages)"
	expect_eq "$pinned" 0 "pinned pages after the kill at $when"
	expect_no_match "$(tr -d '\r' </tmp/out)" "$LINUX_BAD" "the guest's kernel"
done
expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages at the end"
cat $LG_STATS
unload_lg
free1=$(meminfo MemFree)
note "MemFree $free0 -> $free1 kB"
[ $((free0 - free1)) -lt 2048 ] || fail "MemFree dropped by $((free0 - free1)) kB"
rm -f /tmp/cycle.img
exit 0
