#!/bin/sh
# A guest points every free page-directory entry of four page directories
# at one page table whose 1024 entries all map guest page 0, and reads
# through them: 2.36 million shadow entries for one page.  Pinned once per
# shadow entry, the page's reference count (1024 a pin) would pass 2^31
# after 2^21 of them, with a kernel warning and the guest killed ("cannot
# pin guest page 0x0"); pinned once per guest, nothing happens.  The
# counters, watched while the guest runs, never show more pinned pages
# than the guest has RAM, nor more shadow pages than its limit (its shadow
# is dropped and refilled instead).  Then a limit of 20 shadow pages, the
# least there is with a cache of four (pgdir_cache=4): a guest that writes and checks all of its 128 MiB through
# its own page tables still passes, its shadow dropped many times.
# timeout: 420
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
"$LAUNCHER" 32 "$TESTGUEST" test=paging-pin-storm $GUEST_PAGING >/tmp/out 2>/tmp/err &
pid=$!
maxpin=0 maxshadow=0 limit= n=0
while kill -0 $pid 2>/dev/null && [ $n -lt 360 ]; do
	dir=$(lg_guest_dir $pid)
	[ -n "$dir" ] && [ -z "$limit" ] &&
		limit=$(lg_stat shadow_pages "$dir/limits")
	p=$(lg_stat pinned_pages) s=$(lg_stat shadow_pages)
	[ "${p:-0}" -gt $maxpin ] && maxpin=$p
	[ "${s:-0}" -gt $maxshadow ] && maxshadow=$s
	n=$((n + 1))
	sleep 1
done
kill -KILL $pid 2>/dev/null
wait $pid
rc=$?
out=$(cat /tmp/out)
echo "$out"; cat /tmp/err
note "at most $maxpin pinned pages, $maxshadow shadow pages (limit $limit)"
note "$(lg_stat shadow_reclaims) times the shadow was dropped, in ${n}s"
guest_passed paging-pin-storm
[ "$maxpin" -le 8192 ] || fail "$maxpin pinned pages for a guest of 8192"
[ -n "$limit" ] && [ "$maxshadow" -le "$limit" ] ||
	fail "$maxshadow shadow pages, the limit is '$limit'"
[ "$(lg_stat shadow_reclaims)" -gt 0 ] || fail "the shadow was never dropped"
expect_eq "$(lg_stat pinned_pages)" 0 "pinned pages after the guest"
expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after the guest"
unload_lg
load_lg pgdir_cache=4 shadow_pages=20
run_guest 200 128 "$TESTGUEST" test=paging-memory $GUEST_PAGING
guest_passed paging-memory
note "20 shadow pages: dropped $(lg_stat shadow_reclaims) times"
[ "$(lg_stat shadow_reclaims)" -gt 0 ] || fail "20 shadow pages were enough?"
expect_eq "$(lg_stat shadow_pages)" 0 "shadow pages after the guest"
unload_lg
exit 0
