#!/bin/sh
# make fuzz, the Launcher's side: lgfuzz (tests/tools/lgfuzz.c) with the
# seed FUZZ_SEED, one round of 300 random requests and reads per 1000 of
# FUZZ_CALLS (at least 150 rounds); then the counters, a guest, rmmod.
# Prints "FUZZ name value" lines for tests/fuzz.sh's report.
. /tests/lib.sh
command -v lgfuzz >/dev/null || fail "lgfuzz is not built"
seed=${FUZZ_SEED:-1} rounds=$((${FUZZ_CALLS:-1000000} / 1000))
[ "$rounds" -ge 150 ] || rounds=150
load_lg
t0=$(date +%s)
out=$(lgfuzz "$seed" "$rounds" 300 2>&1); rc=$?
echo "$out" | tail -12
summary=$(echo "$out" | grep '^lgfuzz: ')
echo "FUZZ lgfuzz-seed $seed"
echo "FUZZ lgfuzz-rounds $rounds"
echo "FUZZ lgfuzz-calls $(echo "$summary" | sed -n 's/.* rounds, \([0-9]*\) calls.*/\1/p')"
echo "FUZZ lgfuzz-errors $(echo "$summary" | sed -n 's/.*errors: *//p')"
echo "FUZZ lgfuzz-seconds $(($(date +%s) - t0))"
echo "FUZZ lgfuzz-pinned-pages $(lg_stat pinned_pages)"
echo "FUZZ lgfuzz-shadow-pages $(lg_stat shadow_pages)"
[ $rc -eq 0 ] || fail "lgfuzz $seed $rounds: $(echo "$out" | grep -m1 '^not ok')"
expect_eq "$(lg_stat pinned_pages)" 0 "pinned pages after lgfuzz"
expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after lgfuzz"
run_guest 30 32 "$TESTGUEST"
guest_passed hello
unload_lg
exit 0
