#!/bin/sh
# Lab virqs: a new counter, "virqs", the virtual interrupts the Host
# delivers into a guest, in /sys/kernel/debug/lguest/stats and in each
# guest's own stats file.
# timeout: 120
. /tests/lib.sh
load_lg
listed() {
	grep -q '^virqs [0-9][0-9]*$' "$LG_STATS" ||
		fail "no line 'virqs N' in $LG_STATS: $(cat $LG_STATS | tr '\n' ' ')"
	expect_eq "$(lg_stat virqs)" 0 "virqs with no guest yet"
}
quiet() {
	run_guest 30 32 "$TESTGUEST"
	guest_passed
	expect_eq "$(lg_stat virqs)" 0 "virqs after test=hello, which takes none"
}
timer() {
	_b=$(lg_stat virqs)
	run_guest 40 32 "$TESTGUEST" test=timer
	guest_passed timer
	_n=$(($(lg_stat virqs) - _b))
	_t=$(($(sed -n 's/^# ticks in 2 s: \(0x[0-9a-f]*\),.*/\1/p' /tmp/out)))
	note "test=timer counted $_t ticks in 2 s; the Host $_n virtual interrupts"
	[ $_t -gt 0 ] && [ $_n -ge $_t ] && [ $_n -le $((_t + 20)) ] ||
		fail "test=timer: $_n virtual interrupts for $_t ticks (want $_t to $((_t + 20)))"
}
per_guest() {
	"$LAUNCHER" 32 "$TESTGUEST" test=timer >/tmp/t.out 2>&1 &
	_p=$!
	_d=
	for _i in 1 2 3 4 5 6 7 8 9 10; do
		_d=$(lg_guest_dir $_p); [ -n "$_d" ] && break; sleep 0.2
	done
	[ -n "$_d" ] || fail "no debugfs directory for the guest"
	sleep 1
	_v=$(lg_stat virqs "$_d/stats")
	wait $_p
	note "the guest's own stats after about a second: virqs $_v"
	[ -n "$_v" ] && [ "$_v" -gt 0 ] ||
		fail "the guest's stats say virqs '$_v': $(cat $_d/stats 2>/dev/null)"
}
lab_check "the Host's stats list virqs, 0 before any guest" listed
lab_check "a guest without interrupts counts none (test=hello)" quiet
lab_check "test=timer: one per clock tick the guest counted, give or take 20" timer
lab_check "each guest's own stats file counts them too" per_guest
lab_score virqs
