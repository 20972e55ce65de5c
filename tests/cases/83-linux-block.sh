#!/bin/sh
# The virtio block device under a Linux guest, checked byte for byte on
# both sides.  We fill a 16 MiB disk file with a known pattern; the guest
# must read exactly that from /dev/vda, write other patterns over parts
# of it (4 MiB in 1 MiB blocks, 3 sectors at an odd sector, through the
# page cache and flushed) and read them back; after it powered off, the
# file here holds exactly what it wrote, and nothing else changed.  On a
# second disk the guest makes an ext2 file system, copies 2 MiB into it,
# unmounts it, mounts it again and finds the file intact.
# timeout: 300
. /tests/lib.sh
need_linux
load_lg
pattern 1 16M >/tmp/vda.img
dd if=/dev/zero of=/tmp/vdb.img bs=1M count=8 2>/dev/null
linux_initrd /tmp/block.cpio <<'GUEST'
set -e
[ "$(blockdev --getsize64 /dev/vda)" = 16777216 ]
pattern 1 16M | cmp - /dev/vda
echo "guest: vda holds the host's pattern"
pattern 2 4M | dd of=/dev/vda bs=1M seek=4 conv=fsync 2>/dev/null
pattern 3 1536 | dd of=/dev/vda bs=512 seek=23456 conv=notrunc,fsync 2>/dev/null
echo 3 >/proc/sys/vm/drop_caches
pattern 2 4M >/tmp/p2
dd if=/dev/vda bs=1M skip=4 count=4 2>/dev/null | cmp /tmp/p2 -
echo "guest: wrote and reread vda"
mke2fs -q /dev/vdb
mount /dev/vdb /mnt
pattern 4 2M >/mnt/file
sha256sum /mnt/file >/mnt/file.sum
umount /mnt
echo 3 >/proc/sys/vm/drop_caches
mount -o ro /dev/vdb /mnt
sha256sum -c /mnt/file.sum
pattern 4 2M | cmp - /mnt/file
umount /mnt
GUEST
run_linux 180 --block=/tmp/vda.img --block=/tmp/vdb.img \
	--initrd=/tmp/block.cpio 96 $LINUX $LINUX_CMDLINE
linux_passed
expect_match "$out" '^/mnt/file: OK$' "the file on ext2"
# What the disk file must hold now: the first pattern, with the second
# over MiB 4-7 and the third over sectors 23456-23458.
pattern 1 16M >/tmp/want.img
pattern 2 4M | dd of=/tmp/want.img bs=1M seek=4 conv=notrunc 2>/dev/null
pattern 3 1536 | dd of=/tmp/want.img bs=512 seek=23456 conv=notrunc 2>/dev/null
cmp /tmp/want.img /tmp/vda.img || fail "vda.img is not what the guest wrote"
rm -f /tmp/want.img
note "vda.img holds exactly what the guest wrote"
rm -f /tmp/vda.img /tmp/vdb.img
unload_lg
exit 0
