#!/bin/bash
# run-guest.sh — boot the test VM, load lg.ko and run a guest under the
# launcher, showing the serial console live; the VM powers off when the
# command ends.  Used by `make run`.
#
# Usage: tests/run-guest.sh [ARGS...]        runs  /bin/lguest 32 /guests/testguest ARGS...
#        tests/run-guest.sh --cmd 'CMD'      runs  CMD (a shell command line in the VM)
#        tests/run-guest.sh --shell          a shell in the VM instead (lg.ko loaded)
# Environment: LGUEST_CMD replaces the default command "/bin/lguest 32
# /guests/testguest"; RUN_TIMEOUT (seconds, default 600; 0 = none) bounds the
# VM; and what tests/common.sh reads (HOST_FLAVOUR, LG_KO, LAUNCHER, TESTGUEST,
# QEMU_*).
# In the VM: /lg.ko, /bin/lguest, /guests/, busybox.  Leave QEMU: Ctrl-A x.
# The log of every run is kept in tests/out/logs/ (latest.log).
# Exit status: the command's, or 1 if the VM never reported one.
set -uo pipefail
. "$(dirname "$0")/common.sh"

mode=run
cmd=${LGUEST_CMD:-/bin/lguest 32 /guests/testguest}
case ${1:-} in
--cmd) [ $# -ge 2 ] || { echo "run-guest.sh: --cmd needs an argument" >&2; exit 2; }
       cmd=$2; shift 2 ;;
--shell) mode=debug; cmd=; shift ;;
-h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
for a in "$@"; do cmd="$cmd $(printf '%q' "$a")"; done

missing=0
[ -f "$LG_KO" ] || { echo "run-guest.sh: the module $LG_KO is not built yet (make it first: make, or make pae for HOST_FLAVOUR=686-pae)" >&2; missing=1; }
case " $cmd " in *" /bin/lguest "*)
	[ -f "$LAUNCHER" ] || { echo "run-guest.sh: the launcher $LAUNCHER is not built yet" >&2; missing=1; } ;;
esac
case " $cmd " in *" /guests/testguest "*)
	[ -f "$TESTGUEST" ] || { echo "run-guest.sh: the test guest $TESTGUEST is not built yet" >&2; missing=1; } ;;
esac
if [ $missing = 1 ]; then
	echo "run-guest.sh: nothing to run yet (set LG_KO/LAUNCHER/TESTGUEST, or use --shell to get a VM shell)" >&2
	exit 2
fi

load_kernel_env
note_artifacts
mkdir -p "$OUT"
initrd=$OUT/initramfs-run.cpio
mkinitramfs "$initrd" "$mode" "$cmd" || exit 2
qemu_args "$initrd"
log=$(new_log "$mode")
echo "# $QEMU ${QEMU_ARGS[*]}" >>"$log"
to=${RUN_TIMEOUT:-600}
echo "booting QEMU ($KVER, -m $QEMU_MEM) to run: ${cmd:-a shell}  (log ${log#$TOP/}; Ctrl-A x quits QEMU${to:+; timeout ${to}s})" >&2
qemu_console "$log" "$to" run-guest.sh
rc=$(tr -d '\r' <"$log" | sed -n 's/^@@EXIT \([0-9]*\).*/\1/p' | tail -1)
if grep -q '^@@LG insmod /lg.ko FAILED' <(tr -d '\r' <"$log"); then
	echo "run-guest.sh: insmod lg.ko failed in the VM (see the log)" >&2
fi
if [ $mode = debug ]; then exit 0; fi
if [ -z "$rc" ]; then
	echo "run-guest.sh: the VM did not report the command's exit status (crash or timeout?); log: ${log#$TOP/}" >&2
	exit 1
fi
exit "$rc"
