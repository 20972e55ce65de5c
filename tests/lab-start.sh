#!/bin/bash
# lab-start.sh NAME — (make lab-start LAB=NAME) set up the starting point
# of the graded lab NAME: apply tests/labs/NAME/start.patch to lguest.nw
# (a "find the hole" lab takes a Host or Launcher check away; a lab that
# adds something may have nothing to apply).  Refuses if the work tree has
# uncommitted changes, so that "git diff" afterwards shows exactly the
# lab's change, and "git checkout lguest.nw" undoes it.
set -euo pipefail
. "$(dirname "$0")/common.sh"
lab=${1:-}
d=$TESTS_DIR/labs/$lab
case $lab in
M:*)	for f in "$TESTS_DIR"/labs/*/lab.conf; do
		grep -qx "tag=$lab" "$f" && { d=$(dirname "$f"); lab=$(basename "$d"); }
	done ;;
esac
if [ -z "$lab" ] || [ ! -f "$d/grade.sh" ]; then
	echo "lab-start: no lab '${1:-}' (make grade lists them)" >&2
	exit 2
fi
cd "$TOP"
if ! git diff --quiet HEAD -- 2>/dev/null; then
	echo "lab-start: the work tree has uncommitted changes; commit or stash them first" >&2
	exit 1
fi
if [ -f "$d/start.patch" ]; then
	patch -s -p1 --no-backup-if-mismatch <"$d/start.patch" ||
		{ echo "lab-start: start.patch of $lab does not apply" >&2; exit 1; }
	echo "lab $lab: lguest.nw is at the lab's starting point ($(git diff --stat | tail -1))."
	echo "\"git diff\" shows what changed; make, then make grade LAB=$lab."
else
	echo "lab $lab starts from the program as it is: write your change, make, then make grade LAB=$lab."
fi
