#!/bin/bash
# run-linux.sh — "make run-linux": boot the QEMU host, load lg.ko and start
# the Linux guest under lguest with a disk, a network link and the rng,
# and give you the guest's shell on this terminal (prompt
# "guest (lguest)# "; the QEMU host's is "host# ").  "exit" or Ctrl-D in
# the guest powers it off, then the host, and QEMU ends.
#
# Usage: tests/run-linux.sh [--host|--check]
#   --host   start at the QEMU host's shell instead; there "linux" starts
#            the guest and "exit" powers off
#   --check  only say whether there is a guest kernel (exit status 1 and
#            what to provide, and where, if not)
# The guest kernel: ../shared/linux-guest/{bzImage,vmlinux} beside the top
# of the tree, or LINUX_GUEST=FILE-OR-DIRECTORY (see tests/common.sh).
# Environment: as tests/run-guest.sh (LG_KO, LAUNCHER, QEMU_*); RUN_TIMEOUT
# (seconds, default 0 = none) bounds the VM.  Leave QEMU: Ctrl-A x.
# The console of every run is kept in tests/out/logs/ (latest.log).
set -uo pipefail
. "$(dirname "$0")/common.sh"

host= check=0
case ${1:-} in
--host) host=--host ;;
--check) check=1 ;;
-h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
'') ;;
*) echo "run-linux.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
esac

find_linux_guest
if [ -z "$LINUX_BZIMAGE$LINUX_VMLINUX" ]; then
	linux_missing_message >&2
	exit 1
fi
[ $check = 1 ] && exit 0
for f in "$LG_KO" "$LAUNCHER"; do
	[ -f "$f" ] || { echo "run-linux.sh: $f is not built yet: run make run-linux" >&2; exit 2; }
done

load_kernel_env
mkdir -p "$OUT"
size=
[ -t 0 ] && size=$(stty size 2>/dev/null)
initrd=$OUT/initramfs-linux.cpio
mkinitramfs "$initrd" demo "/bin/linux-demo $host $size" || exit 2
# Only the kernel's errors on the console: the demo is about the guest.
QEMU_APPEND="loglevel=3 ${QEMU_APPEND:-}"
qemu_args "$initrd"
log=$(new_log linux)
echo "# $QEMU ${QEMU_ARGS[*]}" >>"$log"
echo "booting the QEMU host, then the Linux guest ($(basename "${LINUX_BZIMAGE:-$LINUX_VMLINUX}") from $(dirname "${LINUX_BZIMAGE:-$LINUX_VMLINUX}")); Ctrl-A x quits QEMU" >&2
to=${RUN_TIMEOUT:-0}
qemu_console "$log" "$to" run-linux.sh
exit "$qrc"
