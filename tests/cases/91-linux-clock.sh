#!/bin/sh
# The Linux guest's clock against the VM's over a minute: the guest prints
# its wall clock and its uptime every 5 seconds, and we stamp each line
# with our wall clock when it arrives.  A line can only arrive late, so
# the larger offset (guest minus us) of two lines is the truer; that of
# the first two lines and that of the last two, a minute or more later,
# must agree within a second (the guest's wall clock keeps our pace), and
# so must the guest's uptime and our clock between those two lines.  The
# offset itself, the time the guest's clock lost while it booted, is
# printed.
# timeout: 240
. /tests/lib.sh
need_linux
load_lg
linux_initrd /tmp/clock.cpio <<'GUEST'
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do
	echo "clock: $(clk)"
	sleep 5
done
echo "clock: $(clk)"
GUEST
run_timeout 200 lstamp -r "$LAUNCHER" --initrd=/tmp/clock.cpio 64 $LINUX \
	$LINUX_CMDLINE >/tmp/out 2>&1
rc=$?
out=$(tr -d '\r' </tmp/out | sed 's/^[0-9.]* //')
echo "$out"
linux_passed
# Lines "OUR-WALL clock: GUEST-WALL GUEST-UPTIME"; a, b: the better of
# the first two and of the last two.
tr -d '\r' </tmp/out | awk 'BEGIN { n = 0 }
$2 == "clock:" { h[n] = $1; g[n] = $3; u[n] = $4; n++ }
function best(from, to,   i, k) {
	k = from
	for (i = from; i < to; i++) if (g[i] - h[i] > g[k] - h[k]) k = i
	return k
}
END {
	if (n < 15) { print "only " n " clock lines"; exit 1 }
	a = best(0, 2); b = best(n - 2, n)
	drift = (g[b] - h[b]) - (g[a] - h[a])
	up = (u[b] - u[a]) - (h[b] - h[a])
	printf "over %.1f s: guest wall clock minus ours %.3f s, then %.3f s (drift %.3f s); guest uptime %.3f s ahead of our clock\n",
		h[b] - h[a], g[a] - h[a], g[b] - h[b], drift, up
	exit (drift > 1 || drift < -1 || up > 1 || up < -1)
}' >/tmp/clock.txt
rc=$?
note "$(cat /tmp/clock.txt)"
[ $rc -eq 0 ] || fail "the guest's clock: $(cat /tmp/clock.txt)"
unload_lg
exit 0
