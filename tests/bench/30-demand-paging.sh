#!/bin/sh
# The cost of a shadow page fault: test=memory in a 64 MiB guest touches
# every page of its RAM once in linear mode, so each page costs one exit
# and one pinned, mapped page in the Host.  The time of a hello guest is
# subtracted, and the rest divided by the number of pages.
# timeout: 300
. /tests/lib.sh
load_lg
secs() { # secs CMD...: wall seconds of CMD (centisecond resolution)
	a=$(cut -d' ' -f1 /proc/uptime)
	"$@" >/tmp/out 2>&1 || fail "$* failed: $(tail -3 /tmp/out)"
	b=$(cut -d' ' -f1 /proc/uptime)
	awk -v a="$a" -v b="$b" 'BEGIN { print b - a }'
}
base=0 mem=0
for i in 1 2 3; do
	base=$(awk -v s="$base" -v t="$(secs "$LAUNCHER" 64 "$TESTGUEST" test=hello)" 'BEGIN { print s + t }')
	mem=$(awk -v s="$mem" -v t="$(secs "$LAUNCHER" 64 "$TESTGUEST" test=memory)" 'BEGIN { print s + t }')
done
grep -q '^ok memory' /tmp/out || fail "test=memory did not pass: $(tail -3 /tmp/out)"
pages=$((64 * 256))
us=$(awk -v b="$base" -v m="$mem" -v p=$pages 'BEGIN { printf "%.2f", (m - b) / 3 * 1e6 / p }')
note "hello: $base s, memory: $mem s (3 runs each)"
echo "BENCH demand-page $us us per page, 64 MiB guest touching all its RAM"
unload_lg
