#!/bin/sh
# /dev/lguest under fire from the Launcher's side: lgfuzz (tests/tools/
# lgfuzz.c) makes random writes of every request number, length and
# offset, from the thread that runs the guest and from another one, random
# reads that run a small guest, forked children sharing the file, and a
# close racing them all; every call must fail only with a documented
# errno, and succeed only as the protocol says.  Afterwards the Host's
# pinned and shadow pages are 0, a guest still runs, and the module
# unloads.  The seed is fixed; "make fuzz" runs longer with other seeds.
# timeout: 180
. /tests/lib.sh
command -v lgfuzz >/dev/null || fail "lgfuzz is not built"
load_lg
t0=$(date +%s)
out=$(lgfuzz 1 150 300 2>&1); rc=$?
echo "$out" | tail -12
note "lgfuzz took $(($(date +%s) - t0)) s"
[ $rc -eq 0 ] || fail "lgfuzz: $(echo "$out" | grep -m1 '^not ok')"
expect_match "$out" '^0 failed$' "lgfuzz"
expect_eq "$(lg_stat pinned_pages)" 0 "pinned pages after lgfuzz"
expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after lgfuzz"
run_guest 30 32 "$TESTGUEST"
guest_passed hello
unload_lg
exit 0
