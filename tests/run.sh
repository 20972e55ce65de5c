#!/bin/bash
# run.sh — run the test suite: host-side tests (tests/host/*.sh) first, then
# the VM tests (tests/cases/*.sh) inside one QEMU boot of the stock Debian 12
# i386 kernel.  Prints "PASS name" / "FAIL name: reason" / "SKIP name:
# reason" per test, then "N skipped" and, last, "N passed, N failed".  A
# skipped test (lib.sh's skip: exit status 77) is neither passed nor failed.
# Exits 0 iff at least one test passed and none failed.
#
# Usage: tests/run.sh [-v] [--host-only|--vm-only] [PATTERN...]
#   PATTERN  only tests whose name (NN-name, no .sh) matches this shell glob
#            or substring, e.g. "10-*" or "load"; with several, a test that
#            matches any of them
#   -v       show the VM's serial console live
# Environment: see tests/common.sh.  Logs: tests/out/logs/ (latest.log).
set -uo pipefail
. "$(dirname "$0")/common.sh"

verbose=0 do_host=1 do_vm=1 pattern= patterns=()
while [ $# -gt 0 ]; do
	case $1 in
	-v|--verbose) verbose=1 ;;
	--host-only) do_vm=0 ;;
	--vm-only) do_host=0 ;;
	-h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) pattern="${pattern:+$pattern }$1" patterns+=("$1") ;;
	esac
	shift
done

mkdir -p "$OUT"
npass=0 nfail=0 nskip=0
failed_names=()

matches() { # NAME
	local p
	[ -z "$pattern" ] && return 0
	for p in "${patterns[@]}"; do
		case $1 in $p|*"$p"*) return 0 ;; esac
	done
	return 1
}
pass() { echo "PASS $1${2:+ ($2)}"; npass=$((npass + 1)); }
failt() { echo "FAIL $1: $2"; nfail=$((nfail + 1)); failed_names+=("$1"); }
skipt() { echo "SKIP $1: $2"; nskip=$((nskip + 1)); }
indent() { sed 's/^/    | /'; }

# show_failure NAME: print a failed VM test's output, its bad kernel lines
# and the start of its dmesg (from the serial log), indented.
show_failure() {
	echo "  --- $1: output (last 40 lines, kernel lines dropped) ---"
	awk -v n="$1" '$0 ~ "^@@START "n" " {p=1; next}
		$0 ~ "^@@(RESULT|DMESG-BEGIN|BADLINES-BEGIN) "n"( |$)" {p=0} p' "$log" |
		grep -Ev '^\[ *[0-9]+\.[0-9]+\] ' | tail -40 | indent
	if grep -q "^@@BADLINES-BEGIN $1\$" "$log"; then
		echo "  --- $1: kernel complaints ---"
		sed -n "/^@@BADLINES-BEGIN $1\$/,/^@@BADLINES-END $1\$/p" "$log" |
			grep -v '^@@' | head -20 | indent
	fi
	if [ -n "$(sed -n "/^@@DMESG-BEGIN $1\$/,/^@@DMESG-END $1\$/p" "$log" | grep -v '^@@')" ]; then
		echo "  --- $1: dmesg (first 40 lines; all in ${log#$TOP/}) ---"
		sed -n "/^@@DMESG-BEGIN $1\$/,/^@@DMESG-END $1\$/p" "$log" |
			grep -v '^@@' | head -40 | indent
	fi
}

# --- Host-side tests ----------------------------------------------------------
if [ $do_host = 1 ] && [ -d "$HOST_CASES_DIR" ]; then
	mkdir -p "$OUT/host"
	for f in "$HOST_CASES_DIR"/*.sh; do
		[ -f "$f" ] || continue
		n=$(basename "$f" .sh)
		matches "$n" || continue
		to=$(test_timeout "$f")
		log=$OUT/host/$n.log
		t0=$(date +%s.%N)
		(cd "$TOP" && timeout -k 5 "$to" bash "$f") </dev/null >"$log" 2>&1
		rc=$?
		secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1fs", b - a}')
		if [ $rc = 0 ]; then
			pass "$n" "host, $secs"
		elif [ $rc = 77 ] && grep -q '^SKIP: ' "$log"; then
			skipt "$n" "$(grep -m1 '^SKIP: ' "$log" | sed 's/^SKIP: //') (host)"
		else
			why="exit status $rc"
			[ $rc = 124 ] && why="timeout after ${to}s"
			last=$(grep -m1 '^FAIL: ' "$log" | sed 's/^FAIL: //')
			failt "$n" "$why${last:+: $last} (host; log: ${log#$TOP/})"
			tail -40 "$log" | indent
		fi
	done
fi

# --- VM tests -----------------------------------------------------------------
cases=()
if [ $do_vm = 1 ] && [ -d "$CASES_DIR" ]; then
	for f in "$CASES_DIR"/*.sh; do
		[ -f "$f" ] || continue
		matches "$(basename "$f" .sh)" && cases+=("$f")
	done
fi

if [ ${#cases[@]} -gt 0 ]; then
	load_kernel_env
	note_artifacts
	# Tests of the labs' reference solutions ("# lab: NAME") need the
	# labs' variants of the program, built first.
	# LAB_VARIANTS=DIR uses variants built before (build-variants.sh DIR).
	labs=$(for f in "${cases[@]}"; do header "$f" lab; done)
	if [ -n "$labs" ] && [ -z "${LAB_VARIANTS:-}" ]; then
		t0=$(date +%s)
		echo "building the variants of the labs:" $labs >&2
		"$TESTS_DIR/labs/build-variants.sh" "$OUT/labs" $labs >&2 ||
			{ echo "building the labs' variants failed" >&2; exit 1; }
		echo "  ($(( $(date +%s) - t0 ))s)" >&2
		export LAB_VARIANTS=$OUT/labs
	fi
	initrd=$OUT/initramfs-test.cpio
	mkinitramfs "$initrd" test "" "${cases[@]}" || {
		echo "building the VM's initramfs failed: no tests run" >&2
		exit 1
	}
	qemu_args "$initrd"
	budget=60
	for f in "${cases[@]}"; do budget=$((budget + $(test_timeout "$f") + 5)); done
	budget=${VM_TIMEOUT:-$budget}
	log=$(new_log test)
	res=$OUT/vm-results.txt
	: >"$res"
	echo "booting QEMU ($KVER, -m $QEMU_MEM; $(du -k "$initrd" | cut -f1) KiB initramfs, ${#cases[@]} tests, global timeout ${budget}s; log ${log#$TOP/})" >&2
	{
		echo "# $QEMU ${QEMU_ARGS[*]}"
		echo "# started $(date -u +%FT%TZ), global timeout ${budget}s"
	} >>"$log"
	t0=$(date +%s.%N)
	# QEMU writes the serial console into a plain file, which never blocks:
	# QEMU's UART drops a character it cannot write after a few retries, so
	# it must never wait for this (slow) shell.  tail follows the file into
	# a FIFO that this shell reads line by line: every line goes to the log,
	# results are printed as they come, and a watchdog kills QEMU when the
	# VM stays silent past a deadline (a test hung the kernel).
	raw=$OUT/serial.raw fifo=$OUT/serial.fifo
	rm -f "$fifo"; mkfifo "$fifo"; : >"$raw"
	timeout -k 10 "$budget" "$QEMU" "${QEMU_ARGS[@]}" </dev/null >"$raw" 2>&1 &
	qpid=$!
	tail -n +1 -s 0.2 -f --pid="$qpid" "$raw" >"$fifo" &
	exec 3<"$fifo"
	now() { date +%s; }
	deadline=$(( $(now) + ${BOOT_TIMEOUT:-180} ))  # until @@BOOTED
	pending= killed=
	while :; do
		if IFS= read -r -t 2 -u 3 chunk; then
			line=$pending$chunk pending=
		else
			st=$?
			if [ $st -gt 128 ]; then           # read timed out
				pending=$pending$chunk
				if [ -z "$killed" ] && [ "$(now)" -gt "$deadline" ]; then
					killed="no result from the VM by the deadline"
					echo "# harness: $killed: killing QEMU" >>"$log"
					kill "$qpid" 2>/dev/null
				fi
				continue
			fi
			[ -n "$pending$chunk" ] || break  # EOF
			line=$pending$chunk pending=
		fi
		line=${line%$'\r'}
		printf '%s\n' "$line" >>"$log"
		[ $verbose = 1 ] && printf '  vm| %s\n' "$line" >&2
		case $line in
		@@BOOTED*) deadline=$(( $(now) + 60 )) ;;
		@@START*)
			set -- $line
			deadline=$(( $(now) + ${3:-$TEST_TIMEOUT} + 30 )) ;;
		@@RESULT*)
			deadline=$(( $(now) + 60 ))
			set -- $line
			n=$2 st=$3; shift 3
			case $st in
			PASS) echo "PASS $n $*" ;;
			SKIP) echo "SKIP $n: $*" ;;
			*) echo "FAIL $n: $*" ;;
			esac ;;
		@@DONE*) deadline=$(( $(now) + 30 )) ;;
		esac
		case $line in
		@@BOOTED*|@@START*|@@RESULT*|@@DONE*) echo "$(date +%s.%N) $line" >>"$res" ;;
		esac
	done
	exec 3<&-
	wait "$qpid"
	qrc=$?
	rm -f "$fifo" "$raw"
	t1=$(date +%s.%N)
	echo "# QEMU exit status $qrc at $(date -u +%FT%TZ)" >>"$log"

	# Tally.
	for f in "${cases[@]}"; do
		n=$(basename "$f" .sh)
		r=$(grep -m1 "@@RESULT $n " "$res")
		if [ -n "$r" ]; then
			set -- $r; st=$4
			case $st in
			PASS) npass=$((npass + 1)) ;;
			SKIP) nskip=$((nskip + 1)) ;;
			*)
				nfail=$((nfail + 1)); failed_names+=("$n")
				show_failure "$n" ;;
			esac
			continue
		fi
		if grep -q "@@START $n " "$res"; then
			why="no result: the VM"
			if grep -q 'Kernel panic' "$log"; then why="$why panicked ($(grep -m1 'Kernel panic' "$log" | sed 's/^\[[ 0-9.]*\] *//'))"
			elif [ -n "$killed" ]; then why="$why hung (silent past the test's timeout + 30s)"
			elif [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then why="$why hung (global timeout ${budget}s)"
			else why="$why stopped (QEMU exit $qrc)"; fi
			failt "$n" "$why during this test"
			echo "  --- $n: last 60 lines of the serial log ---"
			awk -v n="$n" '$0 ~ "^@@START "n" " {p=1} p' "$log" | tail -60 | indent
		else
			failt "$n" "not run (the VM died or hung before it)"
		fi
	done
	post=$(grep -m1 '@@RESULT post-run-dmesg FAIL' "$res")
	if [ -n "$post" ]; then
		nfail=$((nfail + 1)); failed_names+=(post-run-dmesg)
	fi
	if ! grep -q '@@BOOTED' "$res"; then
		echo "the VM did not reach /init; last lines of the log:" >&2
		tail -30 "$log" | indent >&2
	fi
	boot=$(awk '$2=="@@BOOTED" {print $1; exit}' "$res")
	first=$(awk '$2=="@@START" {print $1; exit}' "$res")
	awk -v t0="$t0" -v t1="$t1" -v b="${boot:-0}" -v s="${first:-0}" 'BEGIN {
		printf "VM: %s to /init, %s to the first test, %.1fs in all\n",
			(b > 0 ? sprintf("%.1fs", b - t0) : "never"),
			(s > 0 ? sprintf("%.1fs", s - t0) : "never"), t1 - t0 }' >&2
fi

if [ ${#failed_names[@]} -gt 0 ]; then
	echo "failed: ${failed_names[*]}" >&2
fi
if [ $((npass + nfail + nskip)) = 0 ]; then
	echo "no tests ran${pattern:+ (none matches '$pattern')}: that counts as a failure" >&2
elif [ $((npass + nfail)) = 0 ]; then
	echo "every test was skipped: that counts as a failure" >&2
fi
echo "$nskip skipped"
echo "$npass passed, $nfail failed"
[ $nfail = 0 ] && [ $npass -gt 0 ]
