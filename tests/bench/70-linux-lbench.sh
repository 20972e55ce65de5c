#!/bin/sh
# Native against guest: lbench (tests/linux/lbench.c: a system call, fresh
# page faults, a pipe round trip, a context switch, fork, and eight
# processes taking turns at touching 1 MiB each) runs here on the QEMU
# host's own kernel, then inside a Linux guest under lguest, pinned to one
# CPU on both sides.  And where the guest's time goes: around each
# benchmark the guest stops and waits ("@@SNAP begin|end BENCH PASS @@" on
# its console, "go" back on its input) while we read the Host's counters:
# every file under /sys/kernel/debug/lguest (the global stats, and the
# per-guest counters where the Host has them) and, in a second pass
# ("count"), the hits of kprobes on the Host's exit paths (they cost time,
# so the timed pass runs without them).  The counting pass runs each
# benchmark twice, once for LBENCH_MSEC and once ("count4") for four times
# as long: the difference of the two is what the extra operations cost,
# without lbench's start and the benchmark's setup.  We print
#   LBENCH ENV BENCH REP VALUE UNIT OPS SECONDS      (from lbench)
#   LBEXITS PASS BENCH COUNTER DELTA                 (non-zero deltas)
# and tests/bench-report.py turns them into the report's tables.
# In the counting pass of the benchmarks named in LBENCH_SITES the Host
# also keeps its exit log (lg's exit_log parameter, H:520) and we print it,
#   LBSITE BENCH TRAP EAX ARG EIP ESP STACK0..7 NRING RING...
# which tests/exit-sites.py symbolizes with the guest's vmlinux.
# Environment (from the VM's kernel command line, QEMU_APPEND):
# LBENCH_REPS (5), LBENCH_MSEC (300 ms per repeat), LBENCH_KPROBES (1),
# LBENCH_SITES ("pipe ctxsw fork"; "none" for none).
# timeout: 900
. /tests/lib.sh
BENCHES="getppid pagefault pipe ctxsw fork ptring"
REPS=${LBENCH_REPS:-5}
SITES=${LBENCH_SITES:-pipe ctxsw fork}
EXITLOG=/sys/module/lg/parameters/exit_log
MSEC=${LBENCH_MSEC:-300}
command -v lbench >/dev/null || fail "lbench is not built"
# Natively on CPU 1, where the guest will run (below): in one boot the two
# QEMU vCPUs can differ in speed by half, and a ratio must not measure that.
lbench -e native -c 1 -r "$REPS" -t "$MSEC" $BENCHES || fail "lbench failed natively"
need_linux bzImage
load_lg

# --- the Host's counters ---------------------------------------------------
LGDBG=/sys/kernel/debug/lguest
KP=/sys/kernel/tracing
# Functions of lg.ko whose calls count exits, by reason: every return from
# the guest (lguest_arch_handle_trap), hypercall traps (do_hypercalls) and
# all hypercalls, the ring's included (do_hcall), page faults
# (demand_page), traps and interrupts delivered into the guest
# (deliver_trap, with a histogram by vector, its second argument, in
# %dx: i386 kernels pass arguments in registers), interrupt deliveries
# tried (try_deliver_interrupt), returns to the Launcher (lg_read), and
# hypercalls by kind (guest_flush_tlb with a histogram of kernel_too).
# A function that cannot be probed is left out.
# tests/bench.sh reads lg.ko's debugging information for where the
# trap number lies (lg->regs->trapnum, from lg in %ax) and passes it on
# the VM's kernel command line as lbench_trap=+OFFSET(+OFFSET(%ax)); with
# it, the exits get a histogram by trap number too.
PROBES="lguest_arch_handle_trap do_hypercalls do_hcall demand_page
deliver_trap try_deliver_interrupt lg_read guest_set_pte guest_set_pgd
guest_flush_tlb guest_new_pagetable guest_load_tls load_guest_gdt_entry
guest_set_stack guest_set_clockevent"
HISTS="deliver_trap guest_flush_tlb lguest_arch_handle_trap"
probes=
probes_on() {
	[ "${LBENCH_KPROBES:-1}" = 1 ] && [ -w $KP/kprobe_events ] ||
		{ note "no kprobes: counting with the Host's counters only"; return; }
	# A small ring buffer: the events are recorded (a histogram needs
	# them), but only the counts are read.
	echo 16 >$KP/buffer_size_kb
	for _p in $PROBES; do
		case $_p in
		deliver_trap) _a="num=%dx:u32" ;;
		guest_flush_tlb) _a="num=%dx:u8" ;;
		lguest_arch_handle_trap) _a=${lbench_trap:+num=$lbench_trap:u32} ;;
		*) _a= ;;
		esac
		if echo "p:lgbench/$_p lg:$_p $_a" >>$KP/kprobe_events 2>/dev/null ||
		   { [ -n "$_a" ] && note "cannot fetch $_a in $_p" &&
		     echo "p:lgbench/$_p lg:$_p" >>$KP/kprobe_events 2>/dev/null; }
		then
			probes="$probes $_p"
		else
			note "no kprobe on $_p"
		fi
	done
	[ -n "$probes" ] || return 0
	for _p in deliver_trap guest_flush_tlb \
		  ${lbench_trap:+lguest_arch_handle_trap}; do
		echo 'hist:keys=num' >$KP/events/lgbench/$_p/trigger 2>/dev/null ||
			note "no histogram of $_p"
	done
	echo 1 >$KP/events/lgbench/enable
}
probes_off() {
	[ -n "$probes" ] || return 0
	echo 0 >$KP/events/lgbench/enable
	for _p in $HISTS; do
		echo '!hist:keys=num' >$KP/events/lgbench/$_p/trigger 2>/dev/null
	done
	for _p in $probes; do echo "-:lgbench/$_p" >>$KP/kprobe_events; done
	probes=
}
# snapshot: every counter now, "KEY VALUE" a line: FILE:NAME for the files
# under $LGDBG (the fields before a line's last, numeric one make its
# name), kprobe:FUNCTION for the probes, hist:FUNCTION:NUMBER for the
# histograms.
snapshot() {
	for _f in $(find $LGDBG -type f ! -name switcher_addr \
		    ! -name exit_log 2>/dev/null); do
		awk -v p="${_f#$LGDBG/}" 'NF >= 2 && $NF ~ /^-?[0-9]+$/ {
			k = p
			for (i = 1; i < NF; i++) { f = $i; sub(/:$/, "", f); k = k ":" f }
			print k, $NF
		}' "$_f" 2>/dev/null
	done
	[ -n "$probes" ] || return 0
	awk '{ print "kprobe:" $1, $2 }' $KP/kprobe_profile
	for _p in $HISTS; do
		awk -v p=$_p '/^\{ num:/ { gsub(/[{}]/, ""); print "hist:" p ":" $2, $4 }' \
			$KP/events/lgbench/$_p/hist 2>/dev/null
	done
}
# sites begin|end BENCH: in the counting pass of a benchmark of $SITES,
# empty the exit log and turn it on, then turn it off and print it.
sites() {
	case " $SITES " in *" $2 "*) ;; *) return 0 ;; esac
	[ -w $EXITLOG ] || return 0
	if [ "$1" = begin ]; then
		for _f in $LGDBG/guests/*/exit_log; do echo >"$_f"; done
		echo 1 >$EXITLOG
	else
		echo 0 >$EXITLOG
		cat $LGDBG/guests/*/exit_log | sed "s/^/LBSITE $2 /"
	fi
}
# deltas PASS BENCH: the counters that moved between the two snapshots.
deltas() {
	awk -v pass="$1" -v b="$2" 'NR == FNR { v[$1] = $2; next }
		$2 - v[$1] != 0 { print "LBEXITS", pass, b, $1, $2 - v[$1] }' \
		/tmp/snap.begin /tmp/snap.end
}
[ -d $LGDBG ] || note "no $LGDBG: no counters"

# --- the guest -------------------------------------------------------------
{
	echo "BENCHES='$BENCHES' REPS=$REPS MSEC=$MSEC"
	cat <<'GUEST'
stty -echo
snap() { echo "@@SNAP $* @@"; read -r _go; }
for b in $BENCHES; do
	snap begin $b time
	lbench -e guest -r $REPS -t $MSEC $b || exit 1
	snap end $b time
done
for b in $BENCHES; do
	snap begin $b count
	lbench -e count -r 1 -t $MSEC $b || exit 1
	snap end $b count
	snap begin $b count4
	lbench -e count4 -r 1 -t $((4 * MSEC)) $b || exit 1
	snap end $b count4
done
GUEST
} | linux_initrd /tmp/lbench.cpio
rm -f /tmp/lbin /tmp/lb.rc; mkfifo /tmp/lbin
exec 3<>/tmp/lbin
: >/tmp/lb.out
CR=$(printf '\r')
# The guest on CPU 1, like lbench above; we on CPU 0.
taskset -p 1 $$ >/dev/null
( taskset 2 "$LAUNCHER" --initrd=/tmp/lbench.cpio 128 $LINUX $LINUX_CMDLINE \
	</tmp/lbin 2>/tmp/lb.err; echo $? >/tmp/lb.rc ) | {
# (A subshell: what probes_on sets is only known in here.)
while IFS= read -r line; do
	line=${line%$CR}
	echo "$line" >>/tmp/lb.out
	case $line in
	"@@SNAP "*" @@")
		set -- ${line#@@SNAP }
		case "$1 $3" in "begin count"*) [ -n "$probes" ] || probes_on ;; esac
		[ "$1 $3" = "end count" ] && sites end $2
		snapshot >/tmp/snap.$1
		[ $1 = end ] && deltas $3 $2
		[ "$1 $3" = "begin count" ] && sites begin $2
		echo go >&3 ;;
	LBENCH*) echo "$line" ;;
	esac
done
probes_off
}
exec 3>&-
rc=$(cat /tmp/lb.rc 2>/dev/null)
[ "$rc" = 0 ] || { tail -20 /tmp/lb.out; fail "lguest exited ${rc:-?}: $(tail -3 /tmp/lb.err)"; }
linux_passed /tmp/lb.out
unload_lg
