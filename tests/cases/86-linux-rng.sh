#!/bin/sh
# The entropy device under a Linux guest: with --rng, /dev/hwrng is the
# virtio-rng device; 16 KiB read from it twice differ, use every byte
# value, and do not compress (gzip makes them bigger, not smaller).
# timeout: 180
. /tests/lib.sh
need_linux
load_lg
linux_initrd /tmp/rng.cpio <<'GUEST'
set -e
echo "rng: $(cat /sys/class/misc/hw_random/rng_current)"
dd if=/dev/hwrng of=/tmp/r1 bs=4096 count=4 2>/dev/null
dd if=/dev/hwrng of=/tmp/r2 bs=4096 count=4 2>/dev/null
echo "sizes: $(wc -c </tmp/r1) $(wc -c </tmp/r2)"
! cmp -s /tmp/r1 /tmp/r2
echo "values: $(od -An -v -tu1 /tmp/r1 | tr -s ' ' '\n' | grep . | sort -un | wc -l)"
echo "gzip: $(gzip -9 </tmp/r1 | wc -c)"
GUEST
run_linux 120 --rng --initrd=/tmp/rng.cpio 64 $LINUX $LINUX_CMDLINE
linux_passed
expect_match "$out" '^rng: virtio_rng\.0$' "the guest's hwrng"
expect_match "$out" '^sizes: 16384 16384$' "bytes read"
expect_match "$out" '^values: 256$' "byte values seen"
n=$(echo "$out" | sed -n 's/^gzip: //p')
[ "${n:-0}" -ge 16384 ] || fail "16 KiB from the rng compress to $n bytes"
unload_lg
exit 0
