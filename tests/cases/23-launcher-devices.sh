#!/bin/sh
# The Launcher's device model natively on i386, with no Host and no guest
# (tests/tools/launcher-devices.c): the MMIO instruction decoder, then a
# block device driven through its registers as a driver would, including
# each kind of driver misbehaviour, none of which may touch the file.
. /tests/lib.sh
dir=$(mktemp -d)
head -c 65536 /dev/zero >"$dir/disk"
printf 'LGUEST-DISK' | dd of="$dir/disk" conv=notrunc 2>/dev/null
launcher-devices "$dir/disk" >"$dir/out" 2>"$dir/stderr"; rc=$?
cat "$dir/out"
echo "--- stderr"; cat "$dir/stderr"
[ $rc -eq 0 ] || fail "$(grep -c '^not ok' "$dir/out") checks failed"
n=$(grep -c '^ok' "$dir/out")
[ "$n" -gt 50 ] || fail "only $n checks ran"
note "$n checks passed natively"
