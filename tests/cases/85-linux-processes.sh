#!/bin/sh
# A Linux guest at work: 300 processes forked and exec'd one after the
# other, each exit status checked; four pipelines at once, each pushing
# 2 MiB through gzip and gunzip into sha256sum; and 24 MiB written to
# tmpfs, copied to another tmpfs and read back.  Each checksum must be
# the one the VM computes for the same data.
# timeout: 300
. /tests/lib.sh
need_linux
load_lg
# What the guest must find.
for i in 1 2 3 4; do
	echo "pipeline $i: $(pattern 1$i 2M | sha256sum | cut -d' ' -f1)"
done >/tmp/want
big=$(pattern 20 24M | sha256sum | cut -d' ' -f1)
linux_initrd /tmp/procs.cpio <<'GUEST'
set -e
spawn 300
for i in 1 2 3 4; do
	(pattern 1$i 2M | gzip -1 | gunzip | sha256sum >/tmp/sum$i) &
done
wait
for i in 1 2 3 4; do echo "pipeline $i: $(cut -d' ' -f1 /tmp/sum$i)"; done
pattern 20 24M >/tmp/big
cp /tmp/big /dev/shm/big
rm /tmp/big
echo "tmpfs: $(sha256sum </dev/shm/big | cut -d' ' -f1)"

GUEST
run_linux 240 --initrd=/tmp/procs.cpio 128 $LINUX $LINUX_CMDLINE
linux_passed
expect_match "$out" '^spawn: 300 processes' "fork and exec"
while read -r line; do
	expect_match "$out" "^$line\$" "${line%%:*}"
done </tmp/want
expect_match "$out" "^tmpfs: $big\$" "24 MiB through tmpfs"
unload_lg
exit 0
