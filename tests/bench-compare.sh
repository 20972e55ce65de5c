#!/bin/bash
# bench-compare.sh OLD.md NEW.md: a before/after table of two reports of
# "make bench" (tests/out/bench-report.md; earlier ones are kept in
# tests/out/bench/): the test guest's benchmarks, the Linux guest's lbench
# medians with their ranges, guest/native, and the exits per operation.
# "make bench BENCH_BASELINE=OLD.md" puts the same table in the report.
exec python3 "$(dirname "$0")/bench-report.py" --compare "$@"
