#!/bin/bash
# fuzz.sh -- "make fuzz": boot the QEMU host once and run the fuzzers of
# make check for longer, from another seed: tests/fuzz/10-dev-fuzz.sh
# (lgfuzz, /dev/lguest from the Launcher's side) and 20-guest-fuzz.sh (the
# test guest's test=fuzz, harmless and hostile lives).  The report --
# seed, calls, lives, kill reasons, the Host's counters -- lands in
# tests/out/fuzz-report.md (also printed).
#
# Environment (make fuzz SEED=... CALLS=... passes the first two):
#   SEED     the first seed (default: from the clock; the report says which)
#   CALLS    the guest fuzzer's hypercalls in all (default 1000000); lgfuzz
#            makes a round of 300 requests per 1000 of them
#   HOSTILE  one hostile step in about this many (default 300)
#   MINUTES  stop each fuzzer's lives after about this long (default: none)
# Everything tests/common.sh reads, too.
set -uo pipefail
. "$(dirname "$0")/common.sh"
export FUZZ_SEED=${SEED:-$(( $(date +%s) % 1000000 ))}
export FUZZ_CALLS=${CALLS:-1000000}
export FUZZ_HOSTILE=${HOSTILE:-300}
export FUZZ_SECS=$(( ${MINUTES:-0} * 60 ))
# Each test's own timeout: about 1 ms per call under TCG, with room.
budget=$(( FUZZ_CALLS / 500 + 600 ))
[ "$FUZZ_SECS" -gt 0 ] && budget=$(( FUZZ_SECS + 600 ))
report=$OUT/fuzz-report.md
echo "make fuzz: seed $FUZZ_SEED, $FUZZ_CALLS calls, hostile 1/$FUZZ_HOSTILE${MINUTES:+, at most $MINUTES minutes a fuzzer}" >&2
VM_ENV="FUZZ_SEED FUZZ_CALLS FUZZ_HOSTILE FUZZ_SECS" TEST_TIMEOUT=$budget \
	CASES_DIR=$TESTS_DIR/fuzz "$TESTS_DIR/run.sh" --vm-only
rc=$?
log=$OUT/logs/latest.log
load_kernel_env >/dev/null 2>&1
val() { tr -d '\r' <"$log" | sed -n "s/^FUZZ $1 //p" | tail -1; }
{
	echo "# lguest fuzz report"
	echo
	echo "- date: $(date -u +%FT%TZ)"
	echo "- commit: $(git -C "$TOP" rev-parse --short HEAD 2>/dev/null)$(git -C "$TOP" diff --quiet 2>/dev/null || echo ' (dirty)')"
	echo "- host kernel: $KVER, in qemu-system-i386 (TCG), -smp ${QEMU_SMP:-2}"
	echo "- serial log: ${log#$TOP/} -> $(readlink "$log")"
	echo "- verdict: $([ $rc = 0 ] && echo passed || echo FAILED)"
	echo "- reproduce: make fuzz SEED=$FUZZ_SEED CALLS=$FUZZ_CALLS"
	echo
	echo "## The test guest's fuzzer (test=fuzz)"
	echo
	echo "| what | value |"
	echo "|---|---:|"
	echo "| first seed | $(val guest-seed) |"
	echo "| harmless calls / lives / seconds | $(val harmless-calls) / $(val harmless-lives) / $(val harmless-seconds) |"
	echo "| hostile calls / lives / killed / seconds | $(val hostile-calls) / $(val hostile-lives) / $(val hostile-killed) / $(val hostile-seconds) |"
	echo "| next seed | $(val next-seed) |"
	echo
	echo "Kill reasons of the hostile lives (numbers shown as N):"
	echo
	echo "| lives | reason |"
	echo "|---:|---|"
	tr -d '\r' <"$log" | sed -n 's/^FUZZ reason \([0-9]*\) \(.*\)$/| \1 | \2 |/p'
	echo
	echo "The Host's counters after the guest fuzzer (debugfs):"
	echo
	echo "| counter | value |"
	echo "|---|---:|"
	tr -d '\r' <"$log" | sed -n 's/^FUZZ counter \([^ ]*\) \(.*\)$/| \1 | \2 |/p'
	echo
	echo "## lgfuzz (/dev/lguest from the Launcher's side)"
	echo
	echo "| what | value |"
	echo "|---|---|"
	for k in seed rounds calls errors seconds pinned-pages shadow-pages; do
		echo "| $k | $(val lgfuzz-$k) |"
	done
} >"$report"
echo
cat "$report"
exit $rc
