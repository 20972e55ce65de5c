#!/bin/sh
# A Linux 4.9 guest boots to its init, from the compressed bzImage and
# from the ELF vmlinux: its /init runs /run.sh from the initramfs given
# with --initrd, which checks the kernel's release, its command line and
# its console (hvc0, the Launcher's), and the guest powers off; the
# Launcher exits 0.  Prints each boot's time from the Launcher's start to
# the guest's /init.
# timeout: 240
. /tests/lib.sh
need_linux
load_lg
linux_initrd /tmp/boot.cpio <<'GUEST'
uname -sr
grep -q ' lgtest=boot' /proc/cmdline || { cat /proc/cmdline; exit 1; }
grep '^hvc0 ' /proc/consoles || { cat /proc/consoles; exit 1; }
GUEST
for k in bzImage vmlinux; do
	[ -f $LINUX_DIR/$k ] || { note "no $k: not booted"; continue; }
	run_timeout 120 lstamp "$LAUNCHER" --initrd=/tmp/boot.cpio 64 \
		$LINUX_DIR/$k $LINUX_CMDLINE lgtest=boot >/tmp/out 2>&1
	rc=$?
	out=$(tr -d '\r' </tmp/out | sed 's/^[0-9.]* //')
	echo "$out"
	linux_passed
	expect_match "$out" '^Linux 4\.9\.' "$k: uname"
	t=$(tr -d '\r' </tmp/out | awk '$2 == "@@GUEST-INIT" { print $1; exit }')
	note "$k: $t s from the Launcher's start to /init"
done
unload_lg
exit 0
