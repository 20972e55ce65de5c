#!/bin/sh
# Three Linux guests at once on the VM's two CPUs, each with its own disk
# and its own work: 50 processes, and 4 MiB of its own pattern through a
# pipeline and onto its disk.  Each waits on its console until we have
# seen all three reach /init, so their work overlaps; all must finish
# with the right checksums and leave their disks as they wrote them.
# timeout: 360
. /tests/lib.sh
need_linux
load_lg
linux_initrd /tmp/many.cpio <<'GUEST'
set -e
n=$(sed 's/.* lgn=\([0-9]*\).*/\1/' /proc/cmdline)
read -r go
echo "guest $n: $go"
spawn 50
pattern 4$n 4M | gzip -1 | gunzip | dd of=/dev/vda bs=64k conv=fsync 2>/dev/null
echo "guest $n: $(pattern 4$n 4M | sha256sum | cut -d' ' -f1)"
GUEST
for n in 1 2 3; do
	dd if=/dev/zero of=/tmp/many$n.img bs=1M count=4 2>/dev/null
	rm -f /tmp/in$n; mkfifo /tmp/in$n
	"$LAUNCHER" --block=/tmp/many$n.img --initrd=/tmp/many.cpio 64 $LINUX \
		$LINUX_CMDLINE lgn=$n </tmp/in$n >/tmp/many$n.out 2>&1 &
	eval pid$n=$!
	eval "exec $((n + 3))>/tmp/in$n"
done
for n in 1 2 3; do
	wait_for_line /tmp/many$n.out '^@@GUEST-INIT' 240 "guest $n never reached /init"
done
note "all three guests are up: $(pidof lguest | wc -w) Launchers"
for n in 1 2 3; do echo "go" >&$((n + 3)); done
for n in 1 2 3; do
	eval pid=\$pid$n
	wait $pid; rc=$?
	cat /tmp/many$n.out
	[ $rc -eq 0 ] || fail "guest $n: lguest exited $rc"
	linux_passed /tmp/many$n.out
	sum=$(pattern 4$n 4M | sha256sum | cut -d' ' -f1)
	expect_match "$(tr -d '\r' </tmp/many$n.out)" "^guest $n: $sum\$" "guest $n"
	got=$(sha256sum </tmp/many$n.img | cut -d' ' -f1)
	expect_eq "$got" "$sum" "guest $n's disk"
	rm -f /tmp/many$n.img
done
unload_lg
exit 0
