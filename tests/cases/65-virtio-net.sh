#!/bin/sh
# The network device: --tunnet gives the tap 10.0.2.1, the guest (MAC
# 52:54:00:12:34:56, from the device configuration) sends an ARP request
# from 10.0.2.2 and must get the host kernel's answer, then pings 10.0.2.1
# and must get the echo reply.  --verbose must show the frames.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_module tun || skip "no tun module"
load_lg
run_timeout 30 "$LAUNCHER" -v --tunnet=10.0.2.1:52:54:00:12:34:56 32 \
	"$TESTGUEST" test=net >/tmp/out 2>/tmp/err
rc=$?
out=$(cat /tmp/out)
echo "$out"; grep '^lguest: net' /tmp/err
[ $rc -eq 0 ] || fail "lguest exited $rc: $(tail -3 /tmp/err)"
expect_match "$out" '^ok net-arp-reply$' "guest output"
expect_match "$out" '^ok net-ping-reply$' "guest output"
expect_no_match "$out" '^not ok' "guest output"
expect_match "$(cat /tmp/err)" '^lguest: net: tap lguest[0-9]+, ' "lguest -v"
expect_match "$(cat /tmp/err)" '^lguest: net: 72 bytes to the tap$' "lguest -v"
expect_match "$(cat /tmp/err)" '^lguest: net: [0-9]+ bytes from the tap$' "lguest -v"
unload_lg
exit 0
