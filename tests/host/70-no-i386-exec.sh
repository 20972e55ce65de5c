#!/bin/bash
# timeout: 600
# Nothing on the build machine runs i386 code: its kernel may have no 32-bit
# emulation at all ("Exec format error"), so every 32-bit program (the
# Launcher, the test guest, the test tools) may only be compiled here and
# run inside the QEMU VM.  Under strace, this builds the whole tree afresh
# in a copy (tangle, lg.ko, the Launcher, the test guest), packs the VM's
# initramfs (which compiles the test tools) and runs every other host-side
# test; it fails if any process tried to execute a 32-bit program, whether
# the exec worked (strace: "runs in 32 bit mode") or not (ENOEXEC on an
# ELF32 file).  First it proves that the detector sees such an exec.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
top=$PWD
command -v strace >/dev/null || fail "strace is missing (tests/install-deps.sh installs it)"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
me=$(basename "$0" .sh)

# trace LOG CMD...: run CMD with every execve (and its result) in LOG.
trace() {
	local log=$1; shift
	strace -f -qq --seccomp-bpf -e trace=execve -e signal=none -o "$log" "$@"
}

# bad LOG...: the lines of LOG that show a 32-bit program being executed:
# one that ran, or one refused with ENOEXEC unless it is a file still here
# that is no ELF32 (a script without "#!", which the shell then reads).
bad() {
	grep -h 'runs in 32 bit mode' "$@"
	grep -h 'ENOEXEC' "$@" | while IFS= read -r l; do
		p=$(sed -n 's/^[0-9]* *execve("\([^"]*\)".*/\1/p' <<<"$l")
		ok=
		for f in "$p" "$top/$p" "$tmp/tree/$p"; do
			[ -f "$f" ] || continue
			file -L "$f" | grep -q 'ELF 32-bit' || ok=1
			break
		done
		[ -n "$ok" ] || echo "$l"
	done
}

# 1. The detector works: a 32-bit program run under trace is caught.
echo 'int main(void){return 0;}' >"$tmp/t.c"
gcc -m32 -static -o "$tmp/t32" "$tmp/t.c" || fail "gcc -m32 -static fails"
trace "$tmp/self.log" "$tmp/t32" >/dev/null 2>&1
[ -n "$(bad "$tmp/self.log")" ] ||
	fail "the detector missed an i386 exec: $(cat "$tmp/self.log")"
if grep -q 'runs in 32 bit mode' "$tmp/self.log"; then
	note "this machine runs 32-bit programs (checked: that path is seen)"
else
	note "this machine cannot run 32-bit programs (ENOEXEC seen)"
fi

# 2. A fresh build in a copy of the tree.
mkdir "$tmp/tree"
tar -C "$top" --exclude=./tangle --exclude=./weave --exclude=./tests/out \
	--exclude=./tests/cache --exclude=./book.pdf --exclude=./.git -cf - . |
	tar -C "$tmp/tree" -xf -
ln -s "$top/tests/cache" "$tmp/tree/tests/cache"
(cd "$tmp/tree" && trace "$tmp/build.log" make tangle &&
	trace "$tmp/build2.log" make build) >"$tmp/build.out" 2>&1 ||
	fail "the build in a copy failed: $(tail -20 "$tmp/build.out")"

# 3. The VM's initramfs, test tools and all.
(cd "$tmp/tree" && trace "$tmp/initrd.log" bash -c '
	. tests/common.sh; load_kernel_env >/dev/null 2>&1
	OUT=$1; mkinitramfs "$1/initrd.cpio" test "" tests/cases/*.sh' _ "$tmp") \
	>"$tmp/initrd.out" 2>&1 ||
	fail "packing the initramfs failed: $(tail -20 "$tmp/initrd.out")"
[ -s "$tmp/initrd.cpio" ] || fail "no initramfs was packed"

# 4. Every other host-side test, in the real tree (whether each passes is
# the harness's business; here only what they execute counts).  With
# LG_TRACE_ONLY set, a test that boots QEMU does everything but that.
for t in tests/host/*.sh; do
	[ "$(basename "$t" .sh)" = "$me" ] && continue
	LG_TRACE_ONLY=1 trace "$tmp/host-$(basename "$t" .sh).log" bash "$t" \
		>/dev/null 2>&1
done

n=$(cat "$tmp"/*.log | grep -c 'execve(')
found=$(bad "$tmp"/build*.log "$tmp"/initrd.log "$tmp"/host-*.log | head -5)
[ -z "$found" ] || fail "a 32-bit program was executed on the build machine: $found"
note "$n execs traced (build, initramfs, $(ls "$tmp"/host-*.log | wc -l) host tests): none ran i386 code"
