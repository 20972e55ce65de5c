#!/bin/sh
# What a Linux guest's boot costs the Host: the guest boots to its /init
# twice, once with its whole console log ("console=hvc0") and once
# "quiet", and waits there, reading its console, while we read the
# Host's counters for it from debugfs (guests/PID-N: stats, hypercalls,
# traps, exits); a line typed into the console then powers it off.  Checks
# that the counters are there and say what any boot must do (hypercalls
# to set up, page faults, page-table switches), and prints them as
# "LGPROF BOOT FILE NAME VALUE" lines, the console as "LGLOG BOOT SECONDS
# LINE" (seconds since the Launcher's start) and the time to /init as
# "LGPROF BOOT time init SECONDS": tests/linux-boot-profile.sh turns them
# into the book's table (figures/linux-boot.md, figures/linux-boot.tex).
# timeout: 600
. /tests/lib.sh
need_linux
load_lg
linux_initrd /tmp/prof.cpio <<'GUEST'
echo "@@PROFILE-READY"
read -t 300 line
GUEST

# profile NAME ARGS...: one boot with these kernel arguments.
profile() {
	_name=$1; shift
	rm -f /tmp/in; mkfifo /tmp/in
	: >/tmp/out
	lstamp "$LAUNCHER" --initrd=/tmp/prof.cpio 64 $LINUX "$@" \
		</tmp/in >/tmp/out 2>&1 &
	_pid=$!
	exec 3>/tmp/in
	wait_for_line /tmp/out '@@PROFILE-READY' 300 "$_name: no /init"
	set -- $LG_GUESTS/*-*
	[ $# -eq 1 ] && [ -d "$1" ] ||
		fail "$_name: want one guest in debugfs, have: $*"
	for _f in stats hypercalls traps exits; do
		sed "s/^/LGPROF $_name $_f /" "$1/$_f" >/tmp/prof.$_name.$_f ||
			fail "$_name: cannot read $1/$_f"
		cat /tmp/prof.$_name.$_f
	done
	printf 'done\n' >&3
	wait_gone $_pid 60 "$_name: the guest did not power off"
	wait $_pid; _rc=$?
	exec 3>&-
	rm -f /tmp/in   # a FIFO left here would block a later test's "> /tmp/in"
	tr -d '\r' </tmp/out >/tmp/out.$_name
	[ $_rc -eq 0 ] || fail "$_name: lguest exited $_rc: $(tail -3 /tmp/out)"
	awk -v b=$_name '{ print "LGLOG " b " " $0 }' /tmp/out.$_name
	_t=$(awk '$2 == "@@GUEST-INIT" { print $1; exit }' /tmp/out.$_name)
	echo "LGPROF $_name time init $_t"
	note "$_name: $_t s from the Launcher's start to /init"
	sed 's/^[0-9.]* //' /tmp/out.$_name >/tmp/log.$_name
	expect_no_match "$(cat /tmp/log.$_name)" "$LINUX_BAD" "$_name: the kernel"
	# Any boot installs its interrupt table, switches page tables, faults
	# pages into the shadow and halts, and never trips the checks.
	for _c in 'hypercalls load_idt_entry' 'hypercalls new_pgtable' \
		'hypercalls set_clockevent' 'traps 14' 'traps 31' \
		'stats shadow_faults' 'stats pgdir_hits'; do
		_v=$(awk -v n="${_c#* }" '$4 == n { print $5 }' \
			/tmp/prof.$_name.${_c% *})
		[ "${_v:-0}" -gt 0 ] || fail "$_name: no $_c counted"
	done
}
profile verbose console=hvc0
profile quiet $LINUX_CMDLINE
unload_lg
exit 0
