#!/bin/sh
# lg.ko loads with a plain insmod, /dev/lguest appears as a misc device
# (major 10), and both go away again on rmmod -- twice, to catch anything
# that the first unload forgot to put back.
. /tests/lib.sh
for round in 1 2; do
	insmod "$LG_KO" || fail "insmod failed (round $round)"
	grep -qw lguest /proc/misc || fail "lguest not in /proc/misc"
	minor=$(awk '$2 == "lguest" { print $1 }' /proc/misc)
	[ -c /dev/lguest ] || fail "/dev/lguest is not a character device"
	set -- $(stat -c '%t %T' /dev/lguest)
	expect_eq "$((0x$1)):$((0x$2))" "10:$minor" "/dev/lguest device number"
	dmesg | grep -q 'lguest: /dev/lguest is ready' || fail "no greeting in dmesg"
	rmmod lg || fail "rmmod failed (round $round)"
	grep -qw lguest /proc/misc && fail "lguest still in /proc/misc after rmmod"
	[ -e /dev/lguest ] && fail "/dev/lguest still exists after rmmod"
	note "round $round: loaded as 10:$minor, unloaded"
done
exit 0
