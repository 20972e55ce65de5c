#!/bin/sh
# --tunnet=bridge:NAME: the tap joins an existing bridge that holds the
# host's address, and the guest's ARP request and ping reach the host
# through it; the tap is a port of the bridge while the guest runs.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_module tun
load_module bridge
ip link add lgbr0 type bridge || fail "cannot make a bridge"
ip addr add 10.0.2.1/24 dev lgbr0 && ip link set lgbr0 up ||
	fail "cannot configure the bridge"
load_lg
run_timeout 30 "$LAUNCHER" --tunnet=bridge:lgbr0:52:54:00:12:34:56 32 \
	"$TESTGUEST" test=net >/tmp/out 2>/tmp/err &
pid=$!
wait $pid
rc=$?
out=$(cat /tmp/out)
echo "$out"; cat /tmp/err
# The bridge logs each port it gains; the guest may be done before a
# poll of /sys/class/net/lgbr0/brif would see it.
ports=$(dmesg | grep -E 'lgbr0: port [0-9]+\(lguest[0-9]+\)' | head -3)
note "bridge: $ports"
[ $rc -eq 0 ] || fail "lguest exited $rc: $(tail -3 /tmp/err)"
expect_match "$ports" 'lgbr0: port [0-9]+\(lguest[0-9]+\) entered' "the bridge's ports"
expect_match "$out" '^ok net-arp-reply$' "guest output"
expect_match "$out" '^ok net-ping-reply$' "guest output"
expect_no_match "$out" '^not ok' "guest output"
ip link del lgbr0
unload_lg
exit 0
