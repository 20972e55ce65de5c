#!/bin/sh
# The cost of a whole guest's life: 20 launches in a row of the test guest
# with test=hello (allocate and load, LHREQ_INITIALIZE, boot in linear mode,
# a few dozen port I/O exits for the early console, SHUTDOWN, teardown).
# timeout: 300
. /tests/lib.sh
load_lg
n=20
t0=$(cut -d' ' -f1 /proc/uptime)
i=0
while [ $i -lt $n ]; do
	"$LAUNCHER" 32 "$TESTGUEST" test=hello >/dev/null 2>/tmp/err ||
		fail "launch $i failed: $(cat /tmp/err)"
	i=$((i + 1))
done
t1=$(cut -d' ' -f1 /proc/uptime)
ms=$(awk -v a="$t0" -v b="$t1" -v n=$n 'BEGIN { printf "%.1f", (b - a) * 1000 / n }')
echo "BENCH guest-launch $ms ms per launch, $n hello guests of 32 MiB"
unload_lg
