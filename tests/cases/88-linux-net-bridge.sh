#!/bin/sh
# The same through a bridge: --tunnet=bridge:lgbr0 makes the guest's tap a
# port of a bridge that holds the VM's address 10.0.2.1; ping and 4 MiB
# each way over TCP, checked on both sides.
# timeout: 240
. /tests/lib.sh
need_linux
load_module tun
load_module bridge
ip link add lgbr0 type bridge || fail "cannot make a bridge"
ip addr add 10.0.2.1/24 dev lgbr0 && ip link set lgbr0 up ||
	fail "cannot configure the bridge"
load_lg
linux_net_exchange --tunnet=bridge:lgbr0
ports=$(dmesg | grep -E 'lgbr0: port [0-9]+\(lguest[0-9]+\)' | head -3)
note "bridge: $ports"
expect_match "$ports" 'lgbr0: port [0-9]+\(lguest[0-9]+\) entered' "the bridge's ports"
ip link del lgbr0
unload_lg
exit 0
