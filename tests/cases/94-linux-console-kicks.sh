#!/bin/sh
# A receive queue fed by input asks not to be kicked while it has buffers
# (VRING_USED_F_NO_NOTIFY, D:700 and D:705).  A Linux guest's console
# driver fills its receive queue one buffer at a time, kicking after each
# unless told not to: a boot to /init and power-off (with --verbose, which
# logs each kick) kicks the console's queue 0 fewer than 16 times (257
# when every kick was wanted).  Console input after that: 82-linux-console.
# timeout: 240
. /tests/lib.sh
need_linux
load_lg
linux_initrd /tmp/kicks.cpio <<'GUEST'
true
GUEST
run_linux 200 --verbose --initrd=/tmp/kicks.cpio 64 $LINUX $LINUX_CMDLINE \
	>/dev/null
linux_passed
n=$(grep -c '^lguest: console: queue 0 kicked$' /tmp/err)
note "the console's receive queue was kicked $n times"
[ "$n" -ge 1 ] || fail "no kick at all of the console's receive queue"
[ "$n" -lt 16 ] || fail "the console's receive queue was kicked $n times"
unload_lg
exit 0
