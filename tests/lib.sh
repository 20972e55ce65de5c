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

# note MSG...: print a line of test output.
note() { echo "# $*"; }

# fail REASON: print the reason and fail the test.
# The harness sets FAIL_REASON_FILE so that the reason reaches the summary.
fail() {
	echo "FAIL: $*" >&2
	[ -n "${FAIL_REASON_FILE:-}" ] && printf '%s\n' "$*" >>"$FAIL_REASON_FILE"
	exit 1
}

# skip REASON: end the test early, counted as passed (say why).
skip() { echo "SKIP: $*"; exit 0; }

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

# guest_dies TEST ERE: "lguest 32 testguest test=TEST" exits 1 with ERE
# matching its standard error, and the guest said no "not ok" before dying.
# $out and $err hold what it printed.
guest_dies() {
	run_timeout 30 "$LAUNCHER" 32 "$TESTGUEST" "test=$1" >/tmp/out 2>/tmp/err
	rc=$?
	out=$(cat /tmp/out)
	err=$(cat /tmp/err)
	echo "$out"
	note "test=$1: exit $rc, stderr: $err"
	[ $rc -eq 1 ] || fail "test=$1: lguest exited $rc, expected 1"
	expect_match "$err" "$2" "test=$1 stderr"
	expect_no_match "$out" '^not ok' "test=$1 output"
}

# lg_stat NAME: the Host's counter NAME from debugfs.
LG_STATS=/sys/kernel/debug/lguest/stats
lg_stat() { awk -v n="$1" '$1 == n { print $2 }' "$LG_STATS"; }

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
