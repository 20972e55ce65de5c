#!/bin/bash
# debug.sh — boot the test VM under QEMU's gdb stub, stopped at the first
# instruction (-S; gdb server on localhost:1234, or $GDB_PORT), with `nokaslr`.  /init
# loads lg.ko (if built), prints its section addresses and the gdb
# add-symbol-file line, then gives you a shell on the console (or runs --cmd).
#
# Usage: tests/debug.sh [--fetch-dbg] [--no-stop] [--cmd 'CMD']
#   --fetch-dbg  first download linux-image-$KVER-dbg (~760 MB) and extract
#                only vmlinux (with debug info) into tests/cache/dbg/
#   --no-stop    do not wait for gdb at boot (drop -S)
#   --cmd CMD    run CMD in the VM instead of a shell
# Leave QEMU with Ctrl-A x.  Environment: as tests/run-guest.sh.
set -uo pipefail
. "$(dirname "$0")/common.sh"

fetch=0 stop=-S cmd= mode=debug
while [ $# -gt 0 ]; do
	case $1 in
	--fetch-dbg) fetch=1 ;;
	--no-stop) stop= ;;
	--cmd) cmd=$2; mode=run; shift ;;
	-h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "debug.sh: unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done

load_kernel_env
dbgdir=$TESTS_DIR/cache/dbg
vmlinux=$dbgdir/usr/lib/debug/boot/vmlinux-$KVER
if [ $fetch = 1 ] && [ ! -f "$vmlinux" ]; then
	mkdir -p "$dbgdir/debs"
	echo "debug.sh: downloading linux-image-$KVER-dbg $KDEBVER (large)…" >&2
	(cd "$dbgdir/debs" && apt-get download -q "linux-image-$KVER-dbg:i386=$KDEBVER") ||
		{ echo "debug.sh: download failed" >&2; exit 1; }
	echo "debug.sh: extracting vmlinux…" >&2
	dpkg-deb --fsys-tarfile "$dbgdir"/debs/linux-image-"$KVER"-dbg_*.deb |
		tar -x -C "$dbgdir" --wildcards "./usr/lib/debug/boot/vmlinux-$KVER" ||
		{ echo "debug.sh: extraction failed" >&2; exit 1; }
	rm -f "$dbgdir"/debs/*.deb
fi

note_artifacts
mkdir -p "$OUT"
initrd=$OUT/initramfs-debug.cpio
mkinitramfs "$initrd" "$mode" "$cmd" || exit 2
QEMU_APPEND="nokaslr ${QEMU_APPEND:-}"
port=${GDB_PORT:-1234}
QEMU_EXTRA="-gdb tcp:127.0.0.1:$port $stop ${QEMU_EXTRA:-}"
qemu_args "$initrd"
log=$(new_log debug)
echo "# $QEMU ${QEMU_ARGS[*]}" >>"$log"

if [ -f "$vmlinux" ]; then
	sym=$vmlinux
else
	sym="tests/cache/dbg/usr/lib/debug/boot/vmlinux-$KVER   # not fetched: run tests/debug.sh --fetch-dbg"
fi
waits=
[ -n "$stop" ] && waits=" (the CPU waits for gdb's 'continue')"
cat >&2 <<EOF
=== QEMU gdb stub on localhost:$port$waits ===
In another terminal, from the top of the tree:
  gdb -ex 'set architecture i386' \\
      -ex 'file $sym' \\
      -ex 'target remote :$port'
  (gdb) hbreak start_kernel      # hardware breakpoints are safest this early
  (gdb) continue
Kernel symbols: linux-image-$KVER-dbg ($KDEBVER); booted with nokaslr, so the
addresses in vmlinux are the real ones.  Without it, gdb still works on raw
addresses (x/i \$pc, info registers).
After lg.ko loads, the console prints its sections (from /sys/module/lg/sections/)
and a ready line "@@LG gdb: add-symbol-file tangle/lguest/lg.ko 0x... -s .data 0x... ...":
interrupt gdb (Ctrl-C) and paste it.  In the VM: cat /sys/module/lg/sections/.text
Serial log: ${log#$TOP/}.  Quit QEMU: Ctrl-A x.
EOF
stdin=/dev/null
[ -t 0 ] && stdin=/dev/stdin
"$QEMU" "${QEMU_ARGS[@]}" <$stdin 2>&1 | tee -a "$log"
[ -t 0 ] && stty sane 2>/dev/null
exit 0
