#!/bin/sh
# The Launcher answers bad input with exactly one clear line on stderr and
# a non-zero exit: missing file, a file that is neither ELF nor bzImage, an
# ELF that is not an i386 executable, a malformed ELF header, a memory size
# of 0, huge or not a number, an unknown flag (long, or short in a
# cluster), a value for a flag that takes none, a flag without its value,
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

launcher_refuses 'cannot open kernel.*No such file' 32 "$dir/missing"
launcher_refuses 'neither an ELF vmlinux nor a bzImage' 32 "$dir/text"
launcher_refuses 'not a 32-bit x86 executable' 32 "$dir/elf64"
launcher_refuses 'malformed ELF header' 32 "$dir/badelf"
launcher_refuses 'not a regular file' 32 "$dir/adir"
launcher_refuses 'at least 1 MiB' 0 "$dir/text"
launcher_refuses 'too large' 99999 "$dir/text"
launcher_refuses 'not a number' 12abc "$dir/text"
launcher_refuses "unknown option '--frobnicate'" --frobnicate 32 "$dir/text"
launcher_refuses "unknown option '-x'" -xv 32 "$dir/text"
launcher_refuses "option '--verbose=3' takes no value" --verbose=3 32 "$dir/text"
launcher_refuses "needs a value" 32 "$dir/text" --block
launcher_refuses 'need a memory size and a kernel' 
launcher_refuses 'need a memory size and a kernel' 32
"$LAUNCHER" --help | grep -q '^usage: lguest' || fail "--help prints no usage"
rm -rf "$dir"
rmmod lg
exit 0
