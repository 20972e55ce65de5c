#!/bin/sh
# The Host's fault-around (H:728) on a Linux guest's boot: when a fault
# fills one shadow entry, the Host fills the neighbours in the same 64 KB
# (512 KB in the kernel half) that the guest has already marked Accessed,
# which Linux does for every kernel mapping.  A boot to /init and power-off takes fewer than 15000
# shadow faults (some 26000-28000 without fault-around, 7000-10000 with),
# and leaves no page pinned.
# timeout: 300
. /tests/lib.sh
need_linux
load_lg
linux_initrd /tmp/fa.cpio <<'GUEST'
true
GUEST
f0=$(lg_stat shadow_faults)
run_linux 240 --initrd=/tmp/fa.cpio 64 $LINUX $LINUX_CMDLINE
linux_passed
n=$(($(lg_stat shadow_faults) - f0))
note "$n shadow faults from the Launcher's start to the guest's power-off"
[ "$n" -lt 15000 ] || fail "$n shadow faults in one boot"
expect_eq "$(lg_stat pinned_pages)" 0 "pages still pinned"
unload_lg
exit 0
