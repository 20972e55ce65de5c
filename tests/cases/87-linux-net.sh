#!/bin/sh
# Networking between a Linux guest and the VM through a tap
# (--tunnet=10.0.2.1, the guest is 10.0.2.2): the guest pings the VM,
# sends it 4 MiB over TCP (busybox nc) and receives 4 MiB from it; both
# sides check the data against the pattern it was made from.
# timeout: 240
. /tests/lib.sh
need_linux
load_module tun
load_lg
linux_net_exchange --tunnet=10.0.2.1
unload_lg
exit 0
