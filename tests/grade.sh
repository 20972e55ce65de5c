#!/bin/bash
# grade.sh — the graded labs (tests/labs/NAME/).  "make grade" lists them;
# "make grade LAB=NAME" (or EX=M:NNN, the lab's exercise in the Mastery
# chapter) boots the QEMU test VM once and runs that lab's grader against
# the tree as it is now (the program you have built from your lguest.nw):
# one line per check as it runs, then "LAB NAME: K/N checks passed".  Exits
# 0 only if every check passed.  "make lab-start LAB=NAME" (lab-start.sh)
# sets up a lab's starting point.
#
# Usage: tests/grade.sh [--list] | NAME | M:NNN
set -uo pipefail
. "$(dirname "$0")/common.sh"
LABS=$TESTS_DIR/labs

conf() { sed -n "s/^$2=//p" "$LABS/$1/lab.conf" 2>/dev/null; }
# labs: the labs' names, in the order of their exercises' tags.
labs() {
	for d in "$LABS"/*/grade.sh; do
		d=$(basename "$(dirname "$d")")
		echo "$(conf "$d" tag) $d"
	done | sort | cut -d' ' -f2
}

if [ $# = 0 ] || [ "$1" = --list ]; then
	echo "The graded labs (make grade LAB=name; make lab-start LAB=name first"
	echo "for a lab with a starting point; the Mastery chapter says more):"
	echo
	printf '  %-19s %-6s %-4s %-18s %s\n' lab tag rate kind what
	for l in $(labs); do
		printf '  %-19s %-6s %-4s %-18s %s\n' "$l" "$(conf $l tag)" \
			"$(conf $l rating)" "$(conf $l kind)" "$(conf $l title)"
	done
	exit 0
fi

lab=$1
case $lab in
M:*)	for l in $(labs); do
		[ "$(conf $l tag)" = "$lab" ] && { lab=$l; break; }
	done ;;
esac
if [ ! -f "$LABS/$lab/grade.sh" ]; then
	echo "grade: no lab '$1' (make grade lists them)" >&2
	exit 2
fi
if [ -f "$LABS/$lab/start.patch" ] &&
   patch -s -p1 --dry-run -d "$TOP" <"$LABS/$lab/start.patch" >/dev/null 2>&1; then
	echo "note: lguest.nw is not at the lab's starting point yet" \
	     "(make lab-start LAB=$lab sets it up)" >&2
fi

# The grader runs as the one VM test of this boot.
cases=$OUT/grade-cases
rm -rf "$cases"; mkdir -p "$cases"
cp "$LABS/$lab/grade.sh" "$cases/lab-$lab.sh"
echo "grading lab $lab ($(conf $lab tag), rated $(conf $lab rating)):" \
     "$(conf $lab title)"
CASES_DIR=$cases "$TESTS_DIR/run.sh" -v --vm-only 2>&1 >"$OUT/grade.out" |
	sed -un 's/^  vm| \(CHECK .*\|LAB .*\|    # .*\)$/\1/p'
tail -1 "$OUT/grade.out" | grep -q '^1 passed, 0 failed$' && exit 0
grep -q '^LAB ' "$(readlink -f "$OUT/logs/latest.log")" ||
	{ echo "the grader did not finish; see tests/out/logs/latest.log"; }
exit 1
