# lib.sh — helpers for test scripts.  Source it first thing:
#   in the VM (tests/cases/NN-name.sh):   . /tests/lib.sh
#   on the host (tests/host/NN-name.sh):  . "$(dirname "$0")/../lib.sh"
# A test passes iff it exits 0.  Header comments a test may carry (first 20
# lines):  "# timeout: 300"  (seconds, VM and host tests)
#          "# dmesg-ok: REGEX" (VM: kernel lines matching REGEX do not fail it)
# Plain POSIX sh (busybox ash in the VM, bash or dash on the host).

# Paths inside the VM (the initramfs layout; see tests/README.md).
LG_KO=${LG_KO_VM:-/lg.ko}
LAUNCHER=${LAUNCHER_VM:-/bin/lguest}
TESTGUEST=${TESTGUEST_VM:-/guests/testguest}
# The test guest's page tables must be in the Host's format: on a PAE Host
# (a kernel whose release ends in -pae) the word "pae" on its command line
# makes them PAE ones.  Tests whose guest pages pass $GUEST_PAGING, e.g.
#   run_guest 60 32 "$TESTGUEST" test=paging $GUEST_PAGING
case $(uname -r 2>/dev/null) in
*-pae)	GUEST_PAGING=pae HOST_PAE=1 ;;
*)	GUEST_PAGING= HOST_PAE= ;;
esac

# note MSG...: print a line of test output.
note() { echo "# $*"; }

# fail REASON: print the reason and fail the test.
# The harness sets FAIL_REASON_FILE so that the reason reaches the summary.
fail() {
	echo "FAIL: $*" >&2
	[ -n "${FAIL_REASON_FILE:-}" ] && printf '%s\n' "$*" >>"$FAIL_REASON_FILE"
	exit 1
}

# skip REASON: end the test early as skipped (exit status 77), neither
# passed nor failed; the reason lands in the "SKIP name: reason" line.
# The harness sets SKIP_REASON_FILE for it.
skip() {
	echo "SKIP: $*"
	[ -n "${SKIP_REASON_FILE:-}" ] && printf '%s\n' "$*" >"$SKIP_REASON_FILE"
	exit 77
}

# expect_eq ACTUAL EXPECTED [WHAT]
expect_eq() {
	[ "$1" = "$2" ] || fail "${3:-value}: expected '$2', got '$1'"
}

# expect_ne ACTUAL UNWANTED [WHAT]
expect_ne() {
	[ "$1" != "$2" ] || fail "${3:-value}: did not expect '$2'"
}

# expect_match STRING ERE [WHAT]: STRING (may be multi-line) matches ERE.
expect_match() {
	printf '%s\n' "$1" | grep -qE -- "$2" ||
		fail "${3:-output}: no match for /$2/ in: $(printf '%s' "$1" | head -c 2000)"
}

# expect_no_match STRING ERE [WHAT]
expect_no_match() {
	! printf '%s\n' "$1" | grep -qE -- "$2" ||
		fail "${3:-output}: unexpected match for /$2/: $(printf '%s\n' "$1" | grep -E -- "$2" | head -5)"
}

# expect_file PATH: PATH exists.
expect_file() { [ -e "$1" ] || fail "missing file $1"; }

# run_expect_exit CODE CMD [ARGS...]: run CMD, fail unless it exits CODE.
# Its combined output is left in $OUT (and printed).
run_expect_exit() {
	_want=$1; shift
	OUT=$("$@" 2>&1) && _rc=0 || _rc=$?
	[ -z "$OUT" ] || printf '%s\n' "$OUT"
	[ "$_rc" = "$_want" ] || fail "'$*' exited $_rc, expected $_want"
}

# run_ok CMD [ARGS...]: run_expect_exit 0.
run_ok() { run_expect_exit 0 "$@"; }

# run_timeout SECS CMD [ARGS...]: run CMD, killing it after SECS.  Returns
# CMD's status, or 124 on timeout.  Output goes where ours goes.
run_timeout() {
	_secs=$1; shift
	_flag=${TMPDIR:-/tmp}/.run_timeout.$$.$(date +%s%N 2>/dev/null || date +%s)
	rm -f "$_flag"
	"$@" &
	_pid=$!
	( sleep "$_secs"; : >"$_flag"; kill -TERM "$_pid" 2>/dev/null
	  sleep 2; kill -KILL "$_pid" 2>/dev/null ) &
	_wd=$!
	wait "$_pid" && _rc=0 || _rc=$?
	kill "$_wd" 2>/dev/null; wait "$_wd" 2>/dev/null
	if [ -e "$_flag" ]; then rm -f "$_flag"; return 124; fi
	return $_rc
}

# need FILE WHAT: fail unless FILE exists (make check builds everything).
need() { [ -e "$1" ] || fail "${2:-$1} is not built ($1 missing)"; }

# --- VM only ----------------------------------------------------------------

# lg_loaded: is the lg module loaded?
lg_loaded() { [ -d /sys/module/lg ]; }

# load_lg [PARAMS...]: insmod /lg.ko (unloading it first if loaded).  The
# kernel command line's "lg.NAME=VALUE" words come first, as modprobe would
# pass them (QEMU_APPEND=lg.switcher_place=vmap runs a suite with the
# Switcher in the vmalloc area); PARAMS given here win over them.
load_lg() {
	[ -f "$LG_KO" ] || fail "no $LG_KO in the initramfs (was tangle/lguest/lg.ko built?)"
	lg_loaded && unload_lg
	# shellcheck disable=SC2046
	insmod "$LG_KO" $(tr ' ' '\n' </proc/cmdline | sed -n 's/^lg\.//p') "$@" ||
		fail "insmod $LG_KO $* failed: $(dmesg | tail -5)"
	lg_loaded || fail "lg.ko inserted but /sys/module/lg is missing"
}

# unload_lg: rmmod lg (if loaded); fail if it will not go.
unload_lg() {
	lg_loaded || return 0
	rmmod lg || fail "rmmod lg failed: $(dmesg | tail -5)"
	! lg_loaded || fail "lg still loaded after rmmod"
}

# dmesg_since_start: the kernel lines logged since this test started (the
# harness clears the ring buffer before each test).
dmesg_since_start() { dmesg; }

# expect_dmesg ERE: the kernel has logged a line matching ERE in this test.
expect_dmesg() { expect_match "$(dmesg)" "$1" "dmesg"; }

# load_module NAME: modprobe a stock kernel module packed into the initramfs
# (listed in tests/vm-modules).
load_module() { modprobe "$1" || fail "modprobe $1 failed (is it in tests/vm-modules?)"; }

# run_guest SECS ARGS...: run "lguest ARGS" for at most SECS seconds, its
# standard output in /tmp/out and $out, its standard error in /tmp/err;
# both are shown, and $rc is its exit status.  (Into files, not $(...):
# run_timeout's watchdog would hold a pipe open.)
run_guest() {
	_secs=$1; shift
	run_timeout "$_secs" "$LAUNCHER" "$@" >/tmp/out 2>/tmp/err
	rc=$?
	out=$(cat /tmp/out)
	echo "$out"; cat /tmp/err
}

# guest_passed [NAME...]: after run_guest, the Launcher exited 0, the guest
# said "ok NAME" for each NAME, and no line says "not ok".
guest_passed() {
	[ $rc -eq 0 ] || fail "lguest exited $rc: $(tail -3 /tmp/err)"
	for _t; do expect_match "$out" "^ok $_t\$" "guest output"; done
	expect_no_match "$out" '^not ok' "guest output"
}

# guest_dies TEST ERE: "lguest 32 testguest test=TEST $GUEST_PAGING" exits
# 1 with ERE matching its standard error, and the guest said no "not ok"
# before dying.  $out and $err hold what it printed.
guest_dies() {
	# shellcheck disable=SC2086
	run_timeout 30 "$LAUNCHER" 32 "$TESTGUEST" "test=$1" $GUEST_PAGING \
		>/tmp/out 2>/tmp/err
	rc=$?
	out=$(cat /tmp/out)
	err=$(cat /tmp/err)
	echo "$out"
	note "test=$1: exit $rc, stderr: $err"
	[ $rc -eq 1 ] || fail "test=$1: lguest exited $rc, expected 1"
	expect_match "$err" "$2" "test=$1 stderr"
	expect_no_match "$out" '^not ok' "test=$1 output"
}

# lg_stat NAME [FILE]: the counter NAME of FILE, a file of "name value"
# lines: by default the Host's totals in debugfs, else one of a guest's own
# files, e.g. "$(lg_guest_dir $pid)/hypercalls".
LG_STATS=/sys/kernel/debug/lguest/stats
lg_stat() { awk -v n="$1" '$1 == n { print $2 }' "${2:-$LG_STATS}"; }

# lg_guest_dir PID: the debugfs directory of the newest guest of the
# Launcher with process ID PID (guests/PID-N), or nothing if it has none.
LG_GUESTS=/sys/kernel/debug/lguest/guests
lg_guest_dir() {
	ls -d "$LG_GUESTS/$1"-* 2>/dev/null | sort -t- -k2 -n | tail -1
}

# spin_guest: start the test guest spinning (test=spin, 32 MiB) in the
# background, output in /tmp/spin.out; wait until it runs, and set pid
# (its Launcher) and dir (its debugfs directory).  Fails if either fails.
spin_guest() {
	: >/tmp/spin.out
	"$LAUNCHER" 32 "$TESTGUEST" test=spin >/tmp/spin.out 2>&1 &
	pid=$!
	wait_for_line /tmp/spin.out '^ok spin-start' 10 "the spinning guest never started"
	dir=$(lg_guest_dir $pid)
	[ -n "$dir" ] || fail "no debugfs directory for the guest of Launcher $pid"
}

# make_disk: a fresh 32 KiB scratch disk in $disk (/tmp/disk.img), zero
# but for "LGUEST-DISK" at its start.
make_disk() {
	disk=/tmp/disk.img
	dd if=/dev/zero of=$disk bs=512 count=64 2>/dev/null
	printf 'LGUEST-DISK' | dd of=$disk conv=notrunc 2>/dev/null
}

# bad_block_driver TEST COMPLAINT: the test guest's block driver misbehaves
# as test=TEST on a scratch disk.  The Launcher must print COMPLAINT (an
# ERE for its one stderr line), mark the device DEVICE_NEEDS_RESET and keep
# running; the guest resets the device, reads again ("ok bad-recovered-data")
# and the disk file is unchanged.
bad_block_driver() {
	need "$TESTGUEST" "the test guest"
	load_lg
	make_disk
	before=$(md5sum <$disk)
	run_guest 30 --block=$disk 32 "$TESTGUEST" test="$1"
	guest_passed "$1" bad-recovered-data
	expect_match "$(cat /tmp/err)" "$2" "lguest's complaint"
	expect_eq "$(md5sum <$disk)" "$before" "the disk's checksum"
	unload_lg
}

# try_snippet NAME ERE: run the hand-written guest NAME of lgsnippet
# (tests/tools/lgsnippet.c); its one-line verdict must match ERE.
try_snippet() {
	command -v lgsnippet >/dev/null || fail "lgsnippet is not built"
	out=$(lgsnippet "$1" 2>&1) || fail "lgsnippet $1: $out"
	expect_match "$out" "$2" "snippet $1"
	echo "ok $1: $(echo "$out" | tr '\n' ' ')"
}

# wait_for_line FILE ERE SECS WHAT: wait until a line of FILE matches ERE,
# at most SECS seconds; else fail with "WHAT" and FILE's contents.
wait_for_line() {
	_n=0
	until grep -qE -- "$2" "$1" 2>/dev/null; do
		_n=$((_n + 1))
		[ $_n -lt $(($3 * 10)) ] || fail "$4: $(tail -5 "$1" 2>/dev/null)"
		sleep 0.1
	done
}

# wait_gone PID SECS WHAT: wait until process PID has exited, at most SECS
# seconds; else fail with "WHAT".
wait_gone() {
	_n=0
	while kill -0 "$1" 2>/dev/null; do
		_n=$((_n + 1))
		[ $_n -lt $(($2 * 10)) ] || fail "$3"
		sleep 0.1
	done
}

# launcher_refuses ERE ARGS...: "lguest ARGS" exits non-zero with exactly
# one line on stderr, "lguest: ..." matching ERE.
launcher_refuses() {
	_want=$1; shift
	_err=$("$LAUNCHER" "$@" 2>&1 >/dev/null); _rc=$?
	[ $_rc -ne 0 ] || fail "lguest $*: exit status 0"
	_lines=$(printf '%s\n' "$_err" | wc -l)
	[ "$_lines" -eq 1 ] || fail "lguest $*: $_lines lines on stderr: $_err"
	expect_match "$_err" "^lguest: .*$_want" "lguest $*"
	note "lguest $* -> $_err (exit $_rc)"
}

# --- The Linux guest (VM only) -----------------------------------------------
# The harness packs the Linux guest kernels it found (see tests/common.sh)
# as /guests/linux/bzImage and /guests/linux/vmlinux, and the guest's
# initramfs (tests/linux/init, busybox, tests/linux/*.c) as
# /guests/linux/initrd.cpio.  Its /init runs /run.sh, prints
# "@@GUEST-EXIT <status>" and powers the guest off.
LINUX_DIR=/guests/linux
LINUX_BASE_INITRD=$LINUX_DIR/initrd.cpio
# The guest kernel's command line for a test: its console is the
# Launcher's, and only warnings and worse are printed ("quiet").
LINUX_CMDLINE="console=hvc0 quiet"
# Lines of a Linux guest's console that fail a test (its kernel's
# complaints), as in tests/vm/init.
LINUX_BAD='BUG:|kernel BUG at|Oops|WARNING:|general protection fault|Kernel panic|soft lockup|hard LOCKUP|detected stall|blocked for more than|Bad page|list_add corruption|list_del corruption|double fault|stack-protector|unable to handle'

# need_linux [bzImage|vmlinux]: skip the test unless a Linux guest kernel
# (of that form; by default either, bzImage first) and its initramfs are
# packed; $LINUX is the kernel's path.
need_linux() {
	for _k in ${1:-bzImage vmlinux}; do
		if [ -f "$LINUX_DIR/$_k" ] && [ -f "$LINUX_BASE_INITRD" ]; then
			LINUX=$LINUX_DIR/$_k
			return 0
		fi
	done
	[ -n "${1:-}" ] && [ -f "$LINUX_BASE_INITRD" ] &&
		skip "no Linux guest $1 (only $(ls $LINUX_DIR | grep -v initrd); see README)"
	skip "no Linux guest kernel (see README)"
}

# linux_initrd FILE: write to FILE an initramfs for the Linux guest whose
# /run.sh is the script on our standard input: the guest's base archive
# with a second one appended (the kernel unpacks both, in order).
linux_initrd() {
	_d=$1.d
	rm -rf "$_d"; mkdir -p "$_d"
	cat >"$_d/run.sh"
	(cd "$_d" && echo run.sh | cpio -o -H newc 2>/dev/null) >"$1.tmp" ||
		fail "cannot make the guest's initramfs"
	cat "$LINUX_BASE_INITRD" "$1.tmp" >"$1"
	rm -rf "$_d" "$1.tmp"
}

# run_linux SECS ARGS...: run_guest for a Linux guest: "lguest ARGS" for at
# most SECS seconds; $out is its standard output without the console's
# carriage returns (also in /tmp/out), $rc its exit status.  Shows the
# output and the last lines of standard error (--verbose writes a lot).
run_linux() {
	run_guest "$@" >/dev/null
	tr -d '\r' </tmp/out >/tmp/out.lf && mv /tmp/out.lf /tmp/out
	out=$(cat /tmp/out)
	echo "$out"; tail -20 /tmp/err
}

# linux_passed [FILE]: the Linux guest whose console output is in FILE
# (default: $out of run_linux, with $rc) got to its /init, its /run.sh
# exited 0, its kernel complained of nothing, and (without FILE) the
# Launcher exited 0 when the guest powered off.
linux_passed() {
	if [ -n "${1:-}" ]; then _o=$(tr -d '\r' <"$1"); _w=$1
	else
		_o=$out _w="the guest"
		[ $rc -eq 0 ] || fail "lguest exited $rc: $(tail -3 /tmp/err)"
	fi
	expect_match "$_o" '^@@GUEST-INIT ' "$_w: boot to /init"
	expect_no_match "$_o" "$LINUX_BAD" "$_w: its kernel"
	expect_match "$_o" '^@@GUEST-EXIT 0$' "$_w: /run.sh's status"
}

# linux_net_exchange OPTION: a Linux guest on the network given by the
# Launcher's OPTION (--tunnet=...), as 10.0.2.2/24, pings 10.0.2.1 (the
# VM), sends it 4 MiB over TCP and receives 4 MiB from it; both sides
# check the data against the pattern it was made from.
linux_net_exchange() {
	rm -f /tmp/hold; mkfifo /tmp/hold
	# busybox nc stops sending when its standard input ends and stops
	# altogether when the other side's ends: the receiving side reads a
	# FIFO it holds open itself, which never ends.
	nc -l -p 5001 <>/tmp/hold >/tmp/from-guest &
	_rx=$!
	pattern 32 4M | nc -l -p 5002 &
	linux_initrd /tmp/net.cpio <<'GUEST'
set -e
ping -c 3 10.0.2.1
pattern 31 4M | nc 10.0.2.1 5001
echo "guest: sent 4 MiB"
mkfifo /tmp/hold
echo "from the VM: $(nc 10.0.2.1 5002 <>/tmp/hold | sha256sum | cut -d' ' -f1)"
GUEST
	run_linux 180 "$1" --initrd=/tmp/net.cpio 64 $LINUX $LINUX_CMDLINE \
		lgip=10.0.2.2/24
	linux_passed
	expect_match "$out" '^3 packets transmitted, 3 packets received' "ping"
	wait_gone $_rx 10 "the VM's receiving nc did not finish"
	pattern 31 4M | cmp - /tmp/from-guest ||
		fail "the guest's 4 MiB arrived wrong"
	_sum=$(pattern 32 4M | sha256sum | cut -d' ' -f1)
	expect_match "$out" "^from the VM: $_sum\$" "the VM's 4 MiB in the guest"
	rm -f /tmp/from-guest
}

# fuzz_lives SEED CALLS HOSTILE [SECS [PER_LIFE]]: run the test guest's
# fuzzer (test=fuzz, see the appendix of lguest.nw) life after life, seeds
# SEED, SEED+1, ..., until its lives have made CALLS hypercalls in all (or
# SECS seconds have passed, if SECS is given and not 0).  Each life makes
# at most PER_LIFE calls (default: all that are left), with one hostile
# step in about HOSTILE (0: none).  A
# life must end cleanly ("ok fuzz"), or be killed by the Host with the
# reason its last hostile step announced; a "not ok" line, another
# reason, a hang or a crash of the Launcher fails the test, saying how to
# reproduce it.  Sets fz_calls, fz_lives, fz_deaths, fz_seed (the next
# seed) and leaves the normalised kill reasons, one a line, in
# /tmp/fuzz-reasons.
fuzz_lives() {
	fz_seed=$1 _fz_want=$2 _fz_hostile=$3 _fz_secs=${4:-0} _fz_per=${5:-0}
	fz_calls=0 fz_lives=0 fz_deaths=0
	_fz_t0=$(date +%s)
	: >/tmp/fuzz-reasons
	while [ "$fz_calls" -lt "$_fz_want" ]; do
		if [ "$_fz_secs" -gt 0 ] &&
		   [ $(($(date +%s) - _fz_t0)) -ge "$_fz_secs" ]; then
			break
		fi
		_fz_n=$((_fz_want - fz_calls))
		[ "$_fz_per" -gt 0 ] && [ "$_fz_n" -gt "$_fz_per" ] && _fz_n=$_fz_per
		_fz_args="test=fuzz seed=$fz_seed calls=$_fz_n hostile=$_fz_hostile${GUEST_PAGING:+ $GUEST_PAGING}"
		_fz_repro="reproduce: lguest 32 testguest $_fz_args"
		run_timeout 300 "$LAUNCHER" 32 "$TESTGUEST" $_fz_args \
			>/tmp/fz.out 2>/tmp/fz.err
		_fz_rc=$?
		fz_lives=$((fz_lives + 1))
		if grep -q '^not ok' /tmp/fz.out; then
			grep '^not ok' /tmp/fz.out | head -5
			fail "fuzz life $fz_seed: $(grep -m1 '^not ok' /tmp/fz.out); $_fz_repro"
		fi
		case $_fz_rc in
		0)	_fz_n=$(sed -n 's/^# fuzz-done \([0-9]*\)$/\1/p' /tmp/fz.out)
			[ -n "$_fz_n" ] && grep -q '^ok fuzz$' /tmp/fz.out ||
				fail "fuzz life $fz_seed: exit 0 without finishing; $_fz_repro"
			;;
		1)	_fz_last=$(grep -v '^# fuzz-progress' /tmp/fz.out | tail -1)
			_fz_why=$(sed -n 's/^lguest: //p' /tmp/fz.err | head -1)
			_fz_n=$(echo "$_fz_last" | sed -n 's/^# fuzz-hostile \([0-9]*\) .*/\1/p')
			_fz_expect=$(echo "$_fz_last" | sed -n 's/^# fuzz-hostile .* expect //p')
			[ -n "$_fz_n" ] ||
				fail "fuzz life $fz_seed died after a harmless step: '$_fz_why' (last line: $_fz_last); $_fz_repro"
			case $_fz_why in
			*"$_fz_expect"*) ;;
			*) fail "fuzz life $fz_seed: killed with '$_fz_why', expected '$_fz_expect' (last line: $_fz_last); $_fz_repro" ;;
			esac
			fz_deaths=$((fz_deaths + 1))
			echo "$_fz_why" | sed 's/0x[0-9a-f]*/N/g; s/[0-9][0-9]*/N/g' |
				cut -c1-60 >>/tmp/fuzz-reasons
			;;
		124)	fail "fuzz life $fz_seed hung (no end in 300 s); $_fz_repro" ;;
		*)	fail "fuzz life $fz_seed: lguest exited $_fz_rc: $(tail -2 /tmp/fz.err); $_fz_repro" ;;
		esac
		fz_calls=$((fz_calls + _fz_n))
		fz_seed=$((fz_seed + 1))
	done
}

# fuzz_report: the kill reasons of the last fuzz_lives, most common first.
fuzz_report() {
	sort /tmp/fuzz-reasons | uniq -c | sort -rn
}

# --- Graded labs (tests/labs/NAME/grade.sh; make grade LAB=NAME) -------------
# A grader is a VM script like a test case that runs its checks with
# lab_check and ends with lab_score.  Each check runs in a subshell, so a
# "fail" inside it fails only that check.  $LG_KO, $LAUNCHER and $TESTGUEST
# name the variant under test (LG_KO_VM, LAUNCHER_VM, TESTGUEST_VM).
lab_ok=0 lab_n=0

# lab_check WHAT FUNCTION [ARGS...]: run one check; print "CHECK ok WHAT"
# or "CHECK FAIL WHAT: reason".
lab_check() {
	_lw=$1; shift
	lab_n=$((lab_n + 1))
	_lr=${TMPDIR:-/tmp}/.lab_reason.$$
	: >"$_lr"
	if (FAIL_REASON_FILE=$_lr; "$@") >/tmp/lab_check.out 2>&1; then
		lab_ok=$((lab_ok + 1))
		grep '^# ' /tmp/lab_check.out | sed 's/^/    /'
		echo "CHECK ok $_lw"
	else
		sed 's/^/    | /' /tmp/lab_check.out | tail -15
		echo "CHECK FAIL $_lw: $(head -1 "$_lr")"
	fi
	rm -f "$_lr"
}

# lab_score NAME: print "LAB NAME: K/N checks passed"; exit 0 iff all passed.
lab_score() {
	lg_loaded && rmmod lg 2>/dev/null
	echo "LAB $1: $lab_ok/$lab_n checks passed"
	[ "$lab_ok" = "$lab_n" ] && [ "$lab_n" -gt 0 ]
}

# lab_solution NAME: (make check) the grader of lab NAME against the variants
# the harness built in /labs/NAME/: "start" (the lab's starting point) must
# fail, "solved" (the reference solution applied) must pass.
lab_solution() {
	_ld=/labs/$1
	[ -d "$_ld/start" ] && [ -d "$_ld/solved" ] ||
		fail "no variants of lab $1 in the initramfs"
	for _lv in start solved; do
		echo "== lab $1, variant $_lv"
		(unset FAIL_REASON_FILE
		 LG_KO_VM=$_ld/$_lv/lg.ko LAUNCHER_VM=$_ld/$_lv/lguest \
		 TESTGUEST_VM=$_ld/$_lv/testguest \
		 sh /tests/labs/$1/grade.sh) >/tmp/lab.out 2>&1
		_lrc=$?
		cat /tmp/lab.out
		lg_loaded && rmmod lg
		_lscore=$(grep '^LAB ' /tmp/lab.out | tail -1)
		[ -n "$_lscore" ] || fail "$_lv: the grader printed no score"
		if [ $_lv = start ]; then
			[ $_lrc -ne 0 ] || fail "the grader passes the unsolved lab"
		else
			[ $_lrc -eq 0 ] || fail "the reference solution fails: $_lscore"
		fi
		note "$_lv: ${_lscore#LAB }"
	done
}
