#!/bin/bash
# bench.sh -- "make bench": boot the QEMU host once, run the benchmark
# scripts of tests/bench/ inside it, and write what they measured to
# tests/out/bench-report.md (also printed; a copy is kept as
# tests/out/bench/DATE-COMMIT.md, for comparing later).  Benchmarks report,
# they never assert a speed: a script fails only if the thing it times
# fails.  The scripts print "BENCH <name> <value> <unit> <what>" lines and
# lbench's LBENCH and LBEXITS lines; tests/bench-report.py makes the
# tables.  BENCH_BASELINE=OLD.md adds a before/after table against an
# earlier report (tests/bench-compare.sh OLD.md NEW.md does the same for
# any two).  Arguments go to run.sh (e.g. a PATTERN: tests/bench.sh '7*').
# With HOST_FLAVOUR=686-pae (make bench runs both) the report is
# tests/out/bench-report-686-pae.md, and it ends with the numbers of the
# 686 report, if there is one, beside its own.
set -uo pipefail
. "$(dirname "$0")/common.sh"
report=$OUT/bench-report.md
[ "$HOST_FLAVOUR" = 686 ] || report=$OUT/bench-report-$HOST_FLAVOUR.md
if [ -n "${BENCH_BASELINE:-}" ] && [ ! -r "$BENCH_BASELINE" ]; then
	echo "bench.sh: cannot read BENCH_BASELINE=$BENCH_BASELINE" >&2
	exit 2
fi
# Where lg.ko keeps the trap number of an exit, for a kprobe's histogram
# (tests/bench/70-linux-lbench.sh): lg->regs->trapnum, lg being the first
# argument, in %ax.  From the module's debugging information, if gdb can.
if command -v gdb >/dev/null && [ -f "$LG_KO" ]; then
	read -r o_regs o_trap < <(gdb -batch \
		-ex 'print/d (int)&((struct lguest *)0)->regs' \
		-ex 'print/d (int)&((struct lguest_regs *)0)->trapnum' \
		"$LG_KO" 2>/dev/null |
		sed -n 's/^\$[0-9]* = \([0-9]*\)$/\1/p' | tr '\n' ' ')
	if [ -n "${o_trap:-}" ]; then
		export QEMU_APPEND="${QEMU_APPEND:-} lbench_trap=+$o_trap(+$o_regs(%ax))"
	fi
fi
load0=$(cut -d' ' -f1-3 /proc/loadavg)
t0=$(date +%s)
CASES_DIR=$TESTS_DIR/bench "$TESTS_DIR/run.sh" --vm-only "$@"
rc=$?
t1=$(date +%s)
log=$OUT/logs/latest.log
load_kernel_env >/dev/null 2>&1
commit=$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null)$(git -C "$TOP" diff --quiet HEAD 2>/dev/null || echo ' (dirty)')
{
	echo "# lguest benchmarks"
	echo
	echo "- date: $(date -u +%FT%TZ)"
	echo "- commit: $commit"
	echo "- host kernel: $KVER, in qemu-system-i386 -cpu ${QEMU_CPU:-max,vendor=GenuineIntel} -smp ${QEMU_SMP:-2} -m $QEMU_MEM (TCG)"
	echo "- build machine CPU: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(nproc) cores; load average $load0 before, $(cut -d' ' -f1-3 /proc/loadavg) after"
	echo "- the boot took $((t1 - t0)) s"
	echo "- serial log: ${log#$TOP/} -> $(readlink "$log")"
	echo
	echo "Numbers are under TCG emulation: compare them with each other"
	echo "(before and after a change), not with hardware."
	echo
	python3 "$TESTS_DIR/bench-report.py" "$log"
} >"$report.tmp"
if [ -n "${BENCH_BASELINE:-}" ]; then
	python3 "$TESTS_DIR/bench-report.py" --compare "$BENCH_BASELINE" \
		"$report.tmp" >"$report.cmp" && cat "$report.cmp" >>"$report.tmp"
	rm -f "$report.cmp"
fi
mv "$report.tmp" "$report"
if [ "$HOST_FLAVOUR" != 686 ] && [ -r "$OUT/bench-report.md" ]; then
	python3 "$TESTS_DIR/bench-report.py" --compare "$OUT/bench-report.md" \
		"$report" 686 "$HOST_FLAVOUR" >"$report.cmp" &&
		cat "$report.cmp" >>"$report"
	rm -f "$report.cmp"
fi
mkdir -p "$OUT/bench"
cp "$report" "$OUT/bench/$(date +%Y%m%d-%H%M%S)-$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null || echo unknown).md"
echo
cat "$report"
exit $rc
