#!/bin/sh
# The Launcher takes the original lguest Launcher's command line with a
# Linux guest: options before the memory size, options after the kernel
# mixed with the kernel's arguments (GNU permutation), --verbose, --block
# repeated, --rng, "--" before kernel arguments that look like options,
# and --username with --chroot.  In each case the guest sees exactly the
# kernel arguments given and the devices asked for, in the PCI slots of
# the command line's order, and powers off cleanly.
# timeout: 300
. /tests/lib.sh
need_linux
load_lg
dd if=/dev/zero of=/tmp/d1.img bs=1k count=1024 2>/dev/null
dd if=/dev/zero of=/tmp/d2.img bs=1k count=2048 2>/dev/null
# The guest prints its command line and its devices' sizes and slots.
linux_initrd /tmp/opts.cpio <<'GUEST'
echo "cmdline: $(cat /proc/cmdline)"
for b in /sys/block/vd*; do
	[ -e $b ] && echo "disk: ${b##*/} $(cat $b/size) sectors"
done
for d in /sys/bus/virtio/devices/*; do
	echo "virtio: $(readlink $d/driver | sed 's,.*/,,') $(readlink $d | sed 's,.*/0000:00:\([0-9a-f]*\)\.0/.*,slot \1,')"
done
echo "hwrng: $(cat /sys/class/misc/hw_random/rng_current)"
ip -o link show eth0 2>/dev/null | grep -o 'link/ether [0-9a-f:]*'
exit 0
GUEST
ini=--initrd=/tmp/opts.cpio

note "1: options first, the long forms"
run_linux 120 --verbose $ini --block=/tmp/d1.img --rng --block=/tmp/d2.img \
	64 $LINUX $LINUX_CMDLINE lgtest=one
linux_passed
expect_match "$out" "^cmdline: $LINUX_CMDLINE lgtest=one\$" "1: kernel arguments"
expect_match "$out" '^disk: vda 2048 sectors$' "1: first disk"
expect_match "$out" '^disk: vdb 4096 sectors$' "1: second disk"
expect_match "$out" '^virtio: virtio_blk slot 02$' "1: block in slot 2"
expect_match "$out" '^virtio: virtio_rng slot 03$' "1: rng in slot 3"
expect_match "$out" '^virtio: virtio_blk slot 04$' "1: block in slot 4"
expect_match "$out" '^hwrng: virtio_rng\.0$' "1: hwrng"
expect_match "$(head -20 /tmp/err)" '^lguest: block: ./tmp/d2.img., 4096 sectors$' "1: --verbose"
note "1: --verbose wrote $(wc -l </tmp/err) lines"

note "2: options after the kernel, among its arguments, up to '--'"
run_linux 120 64 $LINUX console=hvc0 --rng $ini quiet --block=/tmp/d1.img \
	lgtest=two -- -v --rng
linux_passed
expect_match "$out" '^cmdline: console=hvc0 quiet lgtest=two -v --rng$' "2: kernel arguments"
expect_match "$out" '^virtio: virtio_rng slot 02$' "2: rng in slot 2"
expect_match "$out" '^virtio: virtio_blk slot 03$' "2: block in slot 3"
expect_no_match "$out" '^virtio: .* slot 04$' "2: no third device"
expect_eq "$(cat /tmp/err)" "" "2: the Launcher's messages (no -v)"

note "3: --username and --chroot: the Launcher gives up root, the guest runs on"
cp /etc/passwd /tmp/passwd.orig 2>/dev/null
echo 'lgtest:x:4321:4321::/:/bin/false' >>/etc/passwd
mkdir -p /tmp/jail
"$LAUNCHER" --username=lgtest --chroot=/tmp/jail $ini --block=/tmp/d1.img \
	64 $LINUX $LINUX_CMDLINE lgtest=three >/tmp/out 2>/tmp/err &
pid=$!
wait_for_line /tmp/out '^@@GUEST-INIT' 120 "3: the guest never reached /init"
uids=$(awk '/^Uid:/ { print $2, $3, $4, $5 }' /proc/$pid/status)
root=$(readlink /proc/$pid/root)
wait $pid; rc=$?
if [ -f /tmp/passwd.orig ]; then mv /tmp/passwd.orig /etc/passwd
else rm -f /etc/passwd; fi
out=$(tr -d '\r' </tmp/out); echo "$out"; cat /tmp/err
linux_passed
note "3: Launcher uids $uids, root $root"
expect_eq "$uids" "4321 4321 4321 4321" "3: the Launcher's uids"
expect_eq "$root" "/tmp/jail" "3: the Launcher's root"
expect_match "$out" '^disk: vda 2048 sectors$' "3: the disk"
unload_lg
exit 0
