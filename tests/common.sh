# common.sh — host-side code shared by run.sh, run-guest.sh and debug.sh.
# Sourced by bash scripts; not for the VM (that is lib.sh).
#
# Environment contract (all optional):
#   HOST_FLAVOUR  the Debian kernel the VM boots as the Host: 686 (default;
#               non-PAE, tests/cache/kernel.env) or 686-pae (PAE, HIGHMEM64G,
#               tests/cache/kernel-686-pae.env).  686-pae changes two defaults:
#               LG_KO is tangle/lguest-pae/lg.ko ("make pae") and QEMU_MEM is
#               2048, so that the Host really has highmem.
#   LG_KO       module to pack as /lg.ko            (default tangle/lguest/lg.ko)
#   LAUNCHER    launcher to pack as /bin/lguest     (default tangle/launcher/lguest)
#   TESTGUEST   guest to pack as /guests/testguest  (default tangle/guest/testguest)
#   GUESTS_DIR  extra guest files, packed under /guests/ (default tangle/guest/,
#               when it exists; only regular files)
#   CASES_DIR   VM test scripts         (default tests/cases)
#   HOST_CASES_DIR host test scripts    (default tests/host)
#   TESTS_OUT   where logs and the initramfs go (default tests/out)
#   TEST_TIMEOUT   default per-test timeout in seconds (default 120)
#   VM_TIMEOUT     global QEMU timeout in seconds (default: computed)
#   QEMU        QEMU binary (default qemu-system-i386)
#   QEMU_SMP, QEMU_MEM (default 2, 512 or 2048), QEMU_CPU (default max,vendor=GenuineIntel)
#   QEMU_APPEND extra kernel command line, QEMU_EXTRA extra QEMU arguments
#   VM_MODULES  stock modules to pack (default: the names in tests/vm-modules)
#   LINUX_GUEST the Linux guest kernel: a directory holding bzImage and/or
#               vmlinux, or one such file (default ../shared/linux-guest/
#               beside the top of the tree; bzImage-pae and vmlinux-pae of
#               a directory on a 686-pae Host); packed under /guests/linux/
#   VM_ENV      names of variables to export, with their values, to the
#               tests in the VM (make fuzz passes FUZZ_SEED and friends)

TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$TESTS_DIR/.." && pwd)
OUT=${TESTS_OUT:-$TESTS_DIR/out}
HOST_FLAVOUR=${HOST_FLAVOUR:-686}
case $HOST_FLAVOUR in
686)	KERNEL_ENV=$TESTS_DIR/cache/kernel.env
	LG_KO=${LG_KO:-$TOP/tangle/lguest/lg.ko}
	QEMU_MEM=${QEMU_MEM:-512} ;;
686-pae)
	KERNEL_ENV=$TESTS_DIR/cache/kernel-686-pae.env
	LG_KO=${LG_KO:-$TOP/tangle/lguest-pae/lg.ko}
	QEMU_MEM=${QEMU_MEM:-2048} ;;
*)	echo "HOST_FLAVOUR must be 686 or 686-pae, not '$HOST_FLAVOUR'" >&2
	exit 2 ;;
esac
LAUNCHER=${LAUNCHER:-$TOP/tangle/launcher/lguest}
TESTGUEST=${TESTGUEST:-$TOP/tangle/guest/testguest}
GUESTS_DIR=${GUESTS_DIR:-$TOP/tangle/guest}
CASES_DIR=${CASES_DIR:-$TESTS_DIR/cases}
HOST_CASES_DIR=${HOST_CASES_DIR:-$TESTS_DIR/host}
TEST_TIMEOUT=${TEST_TIMEOUT:-120}
QEMU=${QEMU:-qemu-system-i386}
export TOP

# load_kernel_env: source the env file of HOST_FLAVOUR (tests/cache/kernel.env
# for 686), fetching that kernel first if needed (fetch-kernel.sh is a no-op
# when the cache is valid).
load_kernel_env() {
	"$TESTS_DIR/fetch-kernel.sh" "$HOST_FLAVOUR" >&2 ||
		{ echo "fetch-kernel.sh $HOST_FLAVOUR failed" >&2; exit 2; }
	. "$KERNEL_ENV"
}

# header FILE KEY: value of a "# KEY: value" line in FILE's first 20 lines.
header() { head -20 "$1" | sed -n "s/^# *$2: *//p" | head -1; }

# test_timeout FILE: the test's timeout in seconds.
test_timeout() {
	local t
	t=$(header "$1" timeout)
	case $t in ''|*[!0-9]*) t=$TEST_TIMEOUT ;; esac
	echo "$t"
}

# find_linux_guest: set LINUX_BZIMAGE and LINUX_VMLINUX to the Linux guest
# kernels found (empty if none): $LINUX_GUEST if set (a directory, or one
# kernel file whose kind is told by its first bytes), else bzImage and
# vmlinux in ../shared/linux-guest/ beside the top of the tree.  A guest
# must page in its Host's format, so with HOST_FLAVOUR=686-pae a directory
# gives its bzImage-pae and vmlinux-pae instead (packed under the same
# names, bzImage and vmlinux).  LINUX_WHERE says where we looked.
find_linux_guest() {
	local where=${LINUX_GUEST:-$TOP/../shared/linux-guest} f sfx=
	[ "$HOST_FLAVOUR" = 686-pae ] && sfx=-pae
	LINUX_BZIMAGE= LINUX_VMLINUX=
	LINUX_WHERE=$where
	if [ -d "$where" ]; then
		[ -f "$where/bzImage$sfx" ] &&
			LINUX_BZIMAGE=$(cd "$where" && pwd)/bzImage$sfx
		[ -f "$where/vmlinux$sfx" ] &&
			LINUX_VMLINUX=$(cd "$where" && pwd)/vmlinux$sfx
	elif [ -f "$where" ]; then
		f=$(cd "$(dirname "$where")" && pwd)/$(basename "$where")
		if [ "$(head -c4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then
			LINUX_VMLINUX=$f
		else
			LINUX_BZIMAGE=$f
		fi
	fi
	return 0
}

# linux_missing_message: what to provide, and where, to run a Linux guest.
linux_missing_message() {
	cat <<EOF
No Linux guest kernel: looked in ${LINUX_WHERE}.
Provide an lguest guest kernel (Linux 4.9 built with CONFIG_LGUEST_GUEST,
non-PAE, or PAE for HOST_FLAVOUR=686-pae; README.md, "Building a Linux guest
kernel", says how) either as
  ../shared/linux-guest/bzImage (or vmlinux; bzImage-pae or vmlinux-pae for
  a 686-pae Host), beside the top of this tree, or
  LINUX_GUEST=/path/to/bzImage (a kernel file, or a directory holding
  bzImage and/or vmlinux) in the environment.
EOF
}

# mk_linux_initrd DIR OUTFILE: the Linux guest's initramfs: busybox, its
# /init (tests/linux/init) and the programs already built into DIR/bin from
# tests/linux/*.c, as a newc cpio archive.
mk_linux_initrd() {
	local bin=$1/bin out=$2 d=$OUT/linux-initrd.d f
	rm -rf "$d"
	mkdir -p "$d"/{bin,dev,etc,mnt,proc,root,run,sys,tmp}
	cp "$BUSYBOX" "$d/bin/busybox"
	install -m 755 "$TESTS_DIR/linux/init" "$d/init"
	for f in "$TESTS_DIR"/linux/*.c; do
		[ -f "$f" ] && cp "$bin/$(basename "$f" .c)" "$d/bin/"
	done
	echo 'root:x:0:0:root:/root:/bin/sh' >"$d/etc/passwd"
	echo 'root:x:0:' >"$d/etc/group"
	(cd "$d" && find . -print0 | LC_ALL=C sort -z |
		cpio --null -o -H newc --owner=0:0 --quiet) >"$out"
}

# note_artifacts: say which of the built files exist (to stderr).
note_artifacts() {
	local f
	for f in "$LG_KO" "$LAUNCHER" "$TESTGUEST"; do
		if [ -f "$f" ]; then echo "  using $f" >&2
		else echo "  (no ${f#$TOP/} yet)" >&2; fi
	done
}

# mkinitramfs OUTFILE MODE RUN_CMD CASEFILE...: build the VM's initramfs.
# MODE is test, run, debug or demo (see tests/vm/init).
mkinitramfs() {
	local outfile=$1 mode=$2 runcmd=$3; shift 3
	local d=$OUT/initramfs.d
	rm -rf "$d"
	mkdir -p "$d"/{bin,sbin,etc,proc,sys,dev,tmp,run,root,guests,tests/cases,lib/modules}
	cp "$BUSYBOX" "$d/bin/busybox"
	install -m 755 "$TESTS_DIR/vm/init" "$d/init"
	install -m 755 "$TESTS_DIR/vm/linux-demo" "$d/bin/linux-demo"
	cp "$TESTS_DIR/lib.sh" "$d/tests/lib.sh"
	local f
	for f in "$@"; do cp "$f" "$d/tests/cases/"; done
	# The graders of the labs (tests/labs/NAME/grade.sh), and for make
	# check the labs' variants that tests/labs/build-variants.sh built
	# into LAB_VARIANTS (/labs/NAME/start/, /labs/NAME/solved/).
	for f in "$TESTS_DIR"/labs/*/grade.sh; do
		[ -f "$f" ] || continue
		mkdir -p "$d/tests/labs/$(basename "$(dirname "$f")")"
		cp "$f" "$d/tests/labs/$(basename "$(dirname "$f")")/"
	done
	if [ -n "${LAB_VARIANTS:-}" ]; then
		local v
		for v in "$LAB_VARIANTS"/*/start "$LAB_VARIANTS"/*/solved; do
			[ -d "$v" ] || continue
			mkdir -p "$d/labs/$(basename "$(dirname "$v")")"
			cp -a "$v" "$d/labs/$(basename "$(dirname "$v")")/"
		done
	fi
	[ -f "$LG_KO" ] && cp "$LG_KO" "$d/lg.ko"
	[ -f "$LAUNCHER" ] && install -m 755 "$LAUNCHER" "$d/bin/lguest"
	if [ -d "$GUESTS_DIR" ]; then
		find "$GUESTS_DIR" -maxdepth 1 -type f -perm -u+x -exec cp {} "$d/guests/" \;
	fi
	[ -f "$TESTGUEST" ] && install -m 755 "$TESTGUEST" "$d/guests/testguest"
	# Test tools (tests/tools/*.c) and the Linux guest's programs
	# (tests/linux/*.c, useful in the VM too): static i386 programs, on the
	# VM's PATH.  They are only compiled here: i386 code runs nowhere but
	# in the VM and its guests.
	for f in "$TESTS_DIR"/tools/*.c "$TESTS_DIR"/linux/*.c; do
		[ -f "$f" ] || continue
		gcc -m32 -static -O2 -pthread -Wall -Wextra -Werror \
			-I"$TOP/tangle/include" -I"$TOP/tangle/launcher" \
			-o "$d/bin/$(basename "$f" .c)" "$f" ||
			{ echo "cannot build test tool $f" >&2; return 1; }
	done
	# The Linux guest, when there is one: its kernels and an initramfs.
	find_linux_guest
	if [ -n "$LINUX_BZIMAGE$LINUX_VMLINUX" ]; then
		mkdir -p "$d/guests/linux"
		[ -n "$LINUX_BZIMAGE" ] && cp "$LINUX_BZIMAGE" "$d/guests/linux/bzImage"
		[ -n "$LINUX_VMLINUX" ] && cp "$LINUX_VMLINUX" "$d/guests/linux/vmlinux"
		mk_linux_initrd "$d" "$d/guests/linux/initrd.cpio"
	fi
	# Stock modules (and what they depend on), so modprobe works in the VM.
	local mods=${VM_MODULES-$(sed 's/#.*//' "$TESTS_DIR/vm-modules" 2>/dev/null)}
	local md=$d/lib/modules/$KVER m dep
	mkdir -p "$md"
	for m in $mods; do
		dep=$(grep -E "(^|/)${m//-/[-_]}\.ko(\.[a-z]+)?:" "$KMODDIR/modules.dep" | head -1)
		[ -n "$dep" ] || { echo "warning: module $m not found in $KMODDIR" >&2; continue; }
		for f in ${dep/:/}; do
			mkdir -p "$md/$(dirname "$f")"
			cp "$KMODDIR/$f" "$md/$f"
		done
	done
	if [ -n "$mods" ]; then
		cp "$KMODDIR"/modules.{order,builtin,builtin.modinfo} "$md/" 2>/dev/null
		depmod -b "$d" "$KVER" 2>/dev/null || /sbin/depmod -b "$d" "$KVER" ||
			echo "warning: depmod for the initramfs failed" >&2
	fi
	{
		echo "MODE=$mode"
		echo "TEST_TIMEOUT=$TEST_TIMEOUT"
		echo "LG_KO_SRC='${LG_KO#$TOP/}'"
		local q="'\\''"
		echo "RUN_CMD='${runcmd//\'/$q}'"
		local v
		for v in ${VM_ENV:-}; do
			printf 'export %s=%q\n' "$v" "${!v:-}"
		done
	} >"$d/etc/harness.conf"
	(cd "$d" && find . -print0 | LC_ALL=C sort -z |
		cpio --null -o -H newc --owner=0:0 --quiet) >"$outfile.tmp"
	mv "$outfile.tmp" "$outfile"
}

# qemu_args INITRD: fill the array QEMU_ARGS.
# The RCU stall timeout is 60 s instead of 21: under TCG the VM's clocks
# run in real time while a busy build machine may give its vCPUs a quarter
# of a core, so a stall check tuned for hardware fires on a VM that is
# merely slow.  A real stall (a CPU stuck in the Host) still shows.
qemu_args() {
	QEMU_ARGS=(
		-cpu "${QEMU_CPU:-max,vendor=GenuineIntel}"
		-smp "${QEMU_SMP:-2}" -m "$QEMU_MEM"
		-nographic -no-reboot -nic none
		-kernel "$KIMAGE" -initrd "$1"
		-append "console=ttyS0 panic=-1 loglevel=5 rcupdate.rcu_cpu_stall_timeout=60 ${QEMU_APPEND:-}"
	)
	# shellcheck disable=SC2206
	[ -n "${QEMU_EXTRA:-}" ] && QEMU_ARGS+=($QEMU_EXTRA)
	return 0
}

# new_log KIND: print a fresh timestamped log path and point latest.log at it.
new_log() {
	mkdir -p "$OUT/logs"
	local f
	f=$OUT/logs/$(date +%Y%m%d-%H%M%S)-$1.log
	[ -e "$f" ] && f=${f%.log}-$$.log
	: >"$f"
	ln -sfn "$(basename "$f")" "$OUT/logs/latest.log"
	echo "$f"
}

# qemu_console LOG TIMEOUT WHO: run QEMU (QEMU_ARGS) on this terminal, or
# with no input if there is none, its output also appended to LOG; a
# TIMEOUT of 0 means none.  Sets qrc to QEMU's status (124: timed out).
qemu_console() {
	local log=$1 to=$2 who=$3 stdin=/dev/null
	[ -t 0 ] && stdin=/dev/stdin
	if [ "$to" = 0 ]; then
		"$QEMU" "${QEMU_ARGS[@]}" <$stdin 2>&1 | tee -a "$log"
	else
		timeout --foreground -k 10 "$to" "$QEMU" "${QEMU_ARGS[@]}" \
			<$stdin 2>&1 | tee -a "$log"
	fi
	qrc=${PIPESTATUS[0]}
	[ -t 0 ] && stty sane 2>/dev/null
	[ "$qrc" = 124 ] && echo "$who: timed out after ${to}s (RUN_TIMEOUT)" >&2
	return 0
}
