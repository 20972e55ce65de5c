#!/bin/sh
# A Linux guest's boot: the time from the Launcher's start to the first
# line of the guest's /init, five boots each of bzImage and vmlinux (64 MiB,
# the test initramfs, "console=hvc0 quiet"); median, minimum and maximum.
# A third series hides the TSC from the guest (clearcpuid=4) to show what
# its TSC calibration costs: Linux 4.9 times the TSC against the PIT's
# channel 2, which the Launcher makes count, so that the guest decides
# after a few port reads (against the original Launcher's all ones it
# spun through some 100000, each a trip to the Launcher, about 3.5 s).
# Also the guest's fork+exec rate (spawn 200).
# timeout: 900
. /tests/lib.sh
need_linux
load_lg
linux_initrd /tmp/bench.cpio <<'GUEST'
case " $(cat /proc/cmdline) " in *" lgspawn "*) spawn 200 ;; esac
GUEST
# series NAME KERNEL [ARGS...]: five boots, one BENCH line.
series() {
	_name=$1 _k=$2; shift 2
	[ -f $LINUX_DIR/$_k ] || { note "no $_k"; return 0; }
	_vals=
	for _i in 1 2 3 4 5; do
		run_timeout 300 lstamp "$LAUNCHER" --initrd=/tmp/bench.cpio 64 \
			$LINUX_DIR/$_k $LINUX_CMDLINE "$@" >/tmp/out 2>&1 ||
			fail "$_name boot $_i: $(tail -5 /tmp/out)"
		_t=$(tr -d '\r' </tmp/out | awk '$2 == "@@GUEST-INIT" { print $1; exit }')
		[ -n "$_t" ] || fail "$_name boot $_i: no /init: $(tail -5 /tmp/out)"
		note "$_name boot $_i: $_t s"
		_vals="$_vals $_t"
	done
	_s=$(echo $_vals | tr ' ' '\n' | sort -n | tr '\n' ' ')
	set -- $_s
	echo "BENCH $_name $3 s median of 5 boots to /init (min $1, max $5)"
}
series linux-boot-bzImage bzImage
series linux-boot-vmlinux vmlinux
series linux-boot-no-tsc bzImage clearcpuid=4
run_linux 300 --initrd=/tmp/bench.cpio 64 $LINUX $LINUX_CMDLINE lgspawn
linux_passed
ms=$(echo "$out" | awk '/^spawn: / { printf "%.1f", $4 * 1000 / $2 }')
echo "BENCH linux-fork-exec $ms ms per fork+exec+wait in the guest (spawn 200)"
unload_lg
