#!/bin/bash
# check.sh — what "make check" runs: the whole suite (host-side checks and
# every VM test) on the non-PAE 686 Host, then the VM tests named by
# PAE_CHECK again on the 686-pae Host (PAE shadow paging, PAE test guest
# and the PAE Linux guest, 2 GiB of QEMU memory, so with highmem).  Both
# runs always happen; the last lines add them up, ending, like run.sh,
# with "N skipped" and "N passed, N failed".  Exits 0 iff both passed.
#
# Environment: PAE_CHECK  space-separated run.sh patterns for the 686-pae
#              run; "all" runs every VM test there, "none" skips the run.
#              The default is a representative set, where the two formats
#              differ: the module, the test guest's paging, the Switcher's
#              slot, the hostile guests, user mode and system calls, and
#              the PAE Linux guest's boot, processes and fault-around.
# Everything else as for run.sh (tests/common.sh).
set -uo pipefail
here=$(dirname "$0")
PAE_DEFAULT="10-module-load 30-guest-hello 36-guest-memory 37-guest-paging"
PAE_DEFAULT+=" 38-guest-paging 39-guest-address-space 39-guest-paging-stale"
PAE_DEFAULT+=" 39-guest-switcher-fallback hostile 57-guest-traps 58"
PAE_DEFAULT+=" 80-linux-boot 85-linux-processes 93-linux-fault-around"
PAE_CHECK=${PAE_CHECK:-$PAE_DEFAULT}
[ "$PAE_CHECK" = all ] && PAE_CHECK=
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
rc=0
echo "== the 686 (non-PAE) Host: every test"
HOST_FLAVOUR=686 "$here/run.sh" 2>&1 | tee "$out/686" || rc=1
if [ "$PAE_CHECK" != none ]; then
	echo "== the 686-pae Host: VM tests ${PAE_CHECK:-(all)}"
	read -ra pats <<<"$PAE_CHECK"   # split on spaces, no globbing
	HOST_FLAVOUR=686-pae "$here/run.sh" --vm-only "${pats[@]}" 2>&1 |
		tee "$out/686-pae" || rc=1
fi
skipped=0 passed=0 failed=0
for f in "$out"/*; do
	s=$(sed -n 's/^\([0-9]*\) skipped$/\1/p' "$f" | tail -1)
	set -- $(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$f" |
		tail -1)
	[ $# = 2 ] || { echo "== $(basename "$f"): no result line"; rc=1; continue; }
	echo "== $(basename "$f"): ${s:-0} skipped, $1 passed, $2 failed"
	skipped=$((skipped + ${s:-0})) passed=$((passed + $1)) failed=$((failed + $2))
done
echo "$skipped skipped"
echo "$passed passed, $failed failed"
exit $rc
