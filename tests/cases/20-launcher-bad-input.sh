#!/bin/sh
# The Launcher answers bad input with exactly one clear line on stderr and
# a non-zero exit: missing file, a file that is neither ELF nor bzImage, an
# ELF that is not an i386 executable, a malformed ELF header, a memory size
# of 0, huge or not a number, an unknown flag, a flag without its value,
# and no arguments at all.
. /tests/lib.sh
insmod "$LG_KO" || fail "insmod failed"
dir=$(mktemp -d)
echo 'just some text' >"$dir/text"
# A 64-bit ELF header, and a 32-bit i386 one whose program headers are bad.
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\002\000\076\000' >"$dir/elf64"
head -c 64 /dev/zero >>"$dir/elf64"
printf '\177ELF\001\001\001\000\000\000\000\000\000\000\000\000\002\000\003\000\001\000\000\000' >"$dir/badelf"
head -c 64 /dev/zero >>"$dir/badelf"
mkdir "$dir/adir"

# bad EXPECTED-REGEX ARGS...: lguest ARGS fails with one line matching it.
bad() {
	want=$1; shift
	err=$("$LAUNCHER" "$@" 2>&1 >/dev/null); rc=$?
	[ $rc -ne 0 ] || fail "lguest $*: exit status 0"
	lines=$(printf '%s\n' "$err" | wc -l)
	[ "$lines" -eq 1 ] || fail "lguest $*: $lines lines on stderr: $err"
	expect_match "$err" "^lguest: .*$want" "lguest $*"
	note "lguest $* -> $err (exit $rc)"
}
bad 'cannot open kernel.*No such file' 32 "$dir/missing"
bad 'neither an ELF vmlinux nor a bzImage' 32 "$dir/text"
bad 'not a 32-bit x86 executable' 32 "$dir/elf64"
bad 'malformed ELF header' 32 "$dir/badelf"
bad 'not a regular file' 32 "$dir/adir"
bad 'at least 1 MiB' 0 "$dir/text"
bad 'too large' 99999 "$dir/text"
bad 'not a number' 12abc "$dir/text"
bad "unknown option '--frobnicate'" --frobnicate 32 "$dir/text"
bad "needs a value" 32 "$dir/text" --block
bad 'need a memory size and a kernel' 
bad 'need a memory size and a kernel' 32
"$LAUNCHER" --help | grep -q '^usage: lguest' || fail "--help prints no usage"
rm -rf "$dir"
rmmod lg
exit 0
