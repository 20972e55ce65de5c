#!/bin/sh
# The test guest's fuzzer (test=fuzz, the appendix of lguest.nw): one
# harmless life of 100000 seeded random hypercalls (by trap and through
# the async ring) and random changes to its page tables, GDT, IDT and
# segment registers, which must pass all its own checks; then hostile
# lives (one hostile step in about 300), each killed by the Host with
# the reason it announced, until they have made 30000 calls more.  After
# all of them the Host's pinned and shadow pages are back to 0, a
# test=paging guest still passes, and the module unloads.  A failure
# prints the command line that reproduces it.  The Host caches four page
# directories (pgdir_cache=4), fewer than the fuzzer's six, so that its
# switches make the cache evict.
# timeout: 240
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg pgdir_cache=4
t0=$(date +%s)
fuzz_lives 1 100000 0
note "harmless: $fz_calls calls in $fz_lives life, $(($(date +%s) - t0)) s"
[ "$fz_lives" -eq 1 ] || fail "the harmless fuzzer needed $fz_lives lives"
total=$fz_calls
t0=$(date +%s)
fuzz_lives 1000 30000 300
note "hostile: $fz_calls calls in $fz_lives lives ($fz_deaths killed), $(($(date +%s) - t0)) s"
[ "$fz_deaths" -ge 10 ] || fail "only $fz_deaths hostile lives were killed"
total=$((total + fz_calls))
note "kill reasons:"
fuzz_report
cat "$LG_STATS"
note "$total calls in all"
[ "$total" -ge 130000 ] || fail "only $total calls"
expect_eq "$(lg_stat pinned_pages)" 0 "pinned pages after the fuzzer"
expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after the fuzzer"
run_guest 60 32 "$TESTGUEST" test=paging $GUEST_PAGING
guest_passed paging
unload_lg
exit 0
