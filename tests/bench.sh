#!/bin/bash
# bench.sh -- "make bench": boot the QEMU host once, run the benchmark
# scripts of tests/bench/ inside it, and write what they measured to
# tests/out/bench-report.md (also printed).  Benchmarks report, they never
# assert a speed: a script fails only if the thing it times fails.
# Each script prints lines "BENCH <name> <value> <unit> <what>".
set -uo pipefail
. "$(dirname "$0")/common.sh"
report=$OUT/bench-report.md
CASES_DIR=$TESTS_DIR/bench "$TESTS_DIR/run.sh" --vm-only "$@"
rc=$?
log=$OUT/logs/latest.log
load_kernel_env >/dev/null 2>&1
{
	echo "# lguest benchmarks"
	echo
	echo "- date: $(date -u +%FT%TZ)"
	echo "- commit: $(git -C "$TOP" rev-parse --short HEAD 2>/dev/null)$(git -C "$TOP" diff --quiet 2>/dev/null || echo ' (dirty)')"
	echo "- host kernel: $KVER, in qemu-system-i386 -cpu ${QEMU_CPU:-max,vendor=GenuineIntel} -smp ${QEMU_SMP:-2} (TCG)"
	echo "- build machine CPU: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(nproc) cores"
	echo "- serial log: ${log#$TOP/} -> $(readlink "$log")"
	echo
	echo "Numbers are under TCG emulation: compare them with each other"
	echo "(before and after a change), not with hardware."
	echo
	echo "| benchmark | value | unit | what |"
	echo "|---|---:|---|---|"
	tr -d '\r' <"$log" | sed -n 's/^BENCH \([^ ]*\) \([^ ]*\) \([^ ]*\) \(.*\)$/| \1 | \2 | \3 | \4 |/p'
} >"$report"
echo
cat "$report"
exit $rc
