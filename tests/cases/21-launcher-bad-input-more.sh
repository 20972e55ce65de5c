#!/bin/sh
# More input the Launcher must refuse in one line with a non-zero exit,
# before it ever runs a guest: a kernel that does not fit in the memory
# size, an initrd that does not fit above the kernel, a command line longer
# than the 2048 bytes the kernel copies, a device it cannot make yet, and
# no /dev/lguest (module not loaded).
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
unload_lg
launcher_refuses 'does not fit in 1 MiB' 1 "$TESTGUEST"
head -c 1200000 /dev/zero >/tmp/big-initrd
launcher_refuses 'initrd .* does not fit above the kernel' --initrd=/tmp/big-initrd 2 "$TESTGUEST"
rm -f /tmp/big-initrd
launcher_refuses 'cannot open initrd' --initrd=/nonexistent 8 "$TESTGUEST"
long=$(head -c 2100 /dev/zero | tr '\0' x)
launcher_refuses 'command line is too long' 8 "$TESTGUEST" "test=$long"
launcher_refuses 'is not a regular file or block device' --block=/dev/null 8 "$TESTGUEST"
launcher_refuses 'cannot open /dev/lguest' 8 "$TESTGUEST"
exit 0
