#!/bin/bash
# perf-qemu.sh -- where QEMU spends its time while a benchmark runs (S:720).
#
#   tests/perf-qemu.sh [-d DELAY] [-t SECONDS] [-n LINES] BENCH-PATTERN...
#
# Runs tests/bench.sh with the given patterns (e.g. 10-hypercall) and,
# DELAY seconds (default 12: the VM's boot and the module's load) after
# QEMU starts, records QEMU's own profile on this build machine for
# SECONDS (default 6) with
#   perf record -e cpu-clock -g -p $(pgrep -x qemu-system-i38)
# then prints QEMU's top LINES (default 25) symbols, self time, and the
# share of the few that an exit costs under TCG: the flushes of QEMU's
# TLB and of its jump cache, and the refills after them.  The profile
# stays in tests/out/perf-qemu.data (perf report -i it for more); the
# benchmark's report in tests/out/bench-report.md as usual, though its
# numbers are a little slower for being watched.  Needs perf (Debian:
# linux-perf) and the right to profile QEMU (root, or
# kernel.perf_event_paranoid <= 1 for your own processes).
set -uo pipefail
. "$(dirname "$0")/common.sh"
delay=12 secs=6 lines=25
while getopts d:t:n: o; do
	case $o in
	d) delay=$OPTARG ;;
	t) secs=$OPTARG ;;
	n) lines=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-d DELAY] [-t SECONDS] [-n LINES] BENCH-PATTERN..." >&2; exit 2; }
command -v perf >/dev/null || { echo "perf-qemu.sh: no perf (apt-get install linux-perf)" >&2; exit 2; }
data=$OUT/perf-qemu.data
mkdir -p "$OUT"
"$TESTS_DIR/bench.sh" "$@" >"$OUT/perf-qemu-bench.log" 2>&1 &
bench=$!
pid=
for _ in $(seq 1 120); do
	# Our own QEMU: the newest one whose parent chain leads to us.
	for p in $(pgrep -x qemu-system-i38 | sort -rn); do
		q=$p
		while [ "$q" -gt 1 ]; do
			[ "$q" = "$bench" ] && { pid=$p; break 3; }
			q=$(awk '{ print $4 }' "/proc/$q/stat" 2>/dev/null || echo 1)
		done
	done
	kill -0 $bench 2>/dev/null || break
	sleep 0.5
done
if [ -z "$pid" ]; then
	echo "perf-qemu.sh: QEMU never started (see $OUT/perf-qemu-bench.log)" >&2
	wait $bench
	exit 1
fi
sleep "$delay"
echo "perf-qemu.sh: recording QEMU (pid $pid) for $secs s"
perf record -q -e cpu-clock -g -p "$pid" -o "$data" -- sleep "$secs"
wait $bench
rc=$?
echo "perf-qemu.sh: bench.sh $* exited $rc; its report: ${OUT#$TOP/}/bench-report.md"
echo
echo "QEMU's time by symbol (self), $secs s from $delay s after its start:"
perf report -i "$data" --no-children --sort symbol --stdio 2>/dev/null |
	awk '$1 ~ /^[0-9.]+%$/ { printf "%8s  %s\n", $1, $3 }' >"$data.txt"
head -n "$lines" "$data.txt"
echo
echo "The exit's share: flushes and refills of QEMU's TLB and jump cache"
grep -E 'tlb_flush|flush_jmp_cache|tlb_set_page|tlb_fill|x86_cpu_tlb_fill|mmu_translate|get_physical_address|qht_lookup|tb_htable_lookup|tb_gen_code' "$data.txt" |
	awk '{ s += $1; print } END { printf "%8.2f%%  together\n", s }'
exit $rc
