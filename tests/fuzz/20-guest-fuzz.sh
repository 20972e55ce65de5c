#!/bin/sh
# make fuzz, the guest's side: the test guest's fuzzer from FUZZ_SEED on,
# half of FUZZ_CALLS in harmless lives of at most 200000 calls each, the
# other half in hostile lives (one hostile step in about FUZZ_HOSTILE,
# default 300), each half stopping early after FUZZ_SECS/2 seconds if
# FUZZ_SECS is set; then the counters, a test=paging guest, rmmod.
# Prints "FUZZ name value" lines for tests/fuzz.sh's report.
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
seed=${FUZZ_SEED:-1} calls=${FUZZ_CALLS:-1000000}
hostile=${FUZZ_HOSTILE:-300} half=$((${FUZZ_SECS:-0} / 2))
load_lg
echo "FUZZ guest-seed $seed"
t0=$(date +%s)
fuzz_lives "$seed" $((calls / 2)) 0 "$half" 200000
echo "FUZZ harmless-calls $fz_calls"
echo "FUZZ harmless-lives $fz_lives"
echo "FUZZ harmless-seconds $(($(date +%s) - t0))"
t0=$(date +%s)
fuzz_lives "$fz_seed" $((calls - calls / 2)) "$hostile" "$half"
echo "FUZZ hostile-calls $fz_calls"
echo "FUZZ hostile-lives $fz_lives"
echo "FUZZ hostile-killed $fz_deaths"
echo "FUZZ hostile-seconds $(($(date +%s) - t0))"
echo "FUZZ next-seed $fz_seed"
fuzz_report | while read -r n why; do echo "FUZZ reason $n $why"; done
while read -r name value; do
	echo "FUZZ counter $name $value"
done <"$LG_STATS"
expect_eq "$(lg_stat pinned_pages)" 0 "pinned pages after the fuzzer"
expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after the fuzzer"
run_guest 60 32 "$TESTGUEST" test=paging $GUEST_PAGING
guest_passed paging
unload_lg
exit 0
