#!/bin/bash
# Lint lguest.nw itself: no code line over 80 columns (tabs expanded), no
# chunk over 50 lines, stop tags (\lgtag) unique, increasing within their
# chapter, and of the chapter's part letter; every exercise has a rating,
# and every exercise that links to an answer (\answerlink) has one
# (\answer), and no answer lacks its exercise.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
out=$(expand -t8 lguest.nw | awk '
function problem(msg) { print "lguest.nw:" NR ": " msg; bad = 1 }
/^@( |$)/ || /^@ %def/ { if (incode && n > 50) problem("chunk <<" name ">> has " n " lines (at most 50)"); incode = 0; next }
/^<<.*>>=$/ { incode = 1; n = 0; name = substr($0, 3, length($0) - 5); next }
incode { n++; if (length($0) > 80) problem("code line of " length($0) " columns"); next }
/^\\chapter\{/ {
	chap = $0; last = ""
	letter = ""
	if (chap ~ /Preface|Preparation/) letter = "P"
	else if (chap ~ /Guest/) letter = "G"
	else if (chap ~ /Launcher/) letter = "L"
	else if (chap ~ /Host/) letter = "H"
	else if (chap ~ /Switcher/) letter = "S"
	else if (chap ~ /Devices/) letter = "D"
	else if (chap ~ /Mastery/) letter = "M"
}
/^%/ { next }
{
	line = $0
	while (match(line, /\\lgtag\{[A-Z]:[0-9][0-9][0-9]\}/)) {
		tag = substr(line, RSTART + 7, 5); line = substr(line, RSTART + RLENGTH)
		if (tag in seen) problem("tag " tag " used twice")
		seen[tag] = 1
		if (letter != "" && substr(tag, 1, 1) != letter && !(letter == "P" && chap ~ /Preface/))
			problem("tag " tag " in a chapter of part " letter)
		if (last != "" && substr(tag, 1, 1) == substr(last, 1, 1) && tag <= last)
			problem("tag " tag " does not increase after " last)
		last = tag
		if (tag ~ /^M:/ && tag != "M:010" && $0 !~ /\\rating\{/) problem("exercise " tag " has no \\rating")
		if ($0 ~ /^\\item \\lgtag/ && $0 !~ /\\rating\{/) problem("exercise " tag " has no \\rating")
	}
	line = $0
	while (match(line, /\\answerlink\{[A-Z]:[0-9][0-9][0-9]\}/)) {
		link[substr(line, RSTART + 12, 5)] = NR; line = substr(line, RSTART + RLENGTH)
	}
	line = $0
	while (match(line, /\\answer\{[A-Z]:[0-9][0-9][0-9]\}/)) {
		t = substr(line, RSTART + 8, 5); line = substr(line, RSTART + RLENGTH)
		if (t in answer) problem("two answers to exercise " t)
		answer[t] = NR
	}
}
END {
	for (t in link) if (!(t in answer)) { NR = link[t]; problem("exercise " t " has no answer") }
	for (t in answer) if (!(t in link)) { NR = answer[t]; problem("answer " t " has no exercise linking to it") }
	exit bad
}')
rc=$?
[ $rc -eq 0 ] || { echo "$out"; fail "lguest.nw has $(echo "$out" | wc -l) lint problems"; }
note "lguest.nw: line lengths, chunk sizes and tags are fine"
