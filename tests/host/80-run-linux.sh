#!/bin/bash
# timeout: 600
# "make run-linux", driven the way a person would: without a guest kernel
# it exits non-zero and says what to provide and where; with one, on a
# terminal (a pty made by script(1)), it reaches the Linux guest's shell,
# which runs what we type (its kernel, its disk on /mnt, a ping to the
# QEMU host), and "exit" there powers off the guest, then the host, and
# make ends with status 0.  Prints how long it took to get the prompt.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
. tests/common.sh

out=$(LINUX_GUEST=/nonexistent make -s run-linux 2>&1) &&
	fail "make run-linux without a kernel exited 0: $out"
echo "$out"
expect_match "$out" 'No Linux guest kernel: looked in /nonexistent' "no kernel"
expect_match "$out" '\.\./shared/linux-guest/bzImage' "no kernel: where"
expect_match "$out" 'LINUX_GUEST=' "no kernel: the variable"

find_linux_guest
[ -n "$LINUX_BZIMAGE$LINUX_VMLINUX" ] || skip "no Linux guest kernel (see README)"
command -v script >/dev/null || fail "script(1) is missing (util-linux)"
# Under host test 70 (strace), only what runs on this machine matters:
# everything but QEMU.
if [ -n "${LG_TRACE_ONLY:-}" ]; then
	QEMU=true make -s run-linux </dev/null >/dev/null 2>&1
	exit 0
fi

tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
mkfifo "$tmp/keys"
log=$tmp/screen
t0=$(date +%s.%N)
script -qfec "make -s run-linux" /dev/null <"$tmp/keys" >"$log" 2>&1 &
pid=$!
exec 3>"$tmp/keys"

# screen_has ERE SECS WHAT: wait until the screen shows ERE.
screen_has() {
	local i=0
	until tr -d '\r' <"$log" | grep -qE -- "$1"; do
		i=$((i + 1))
		if [ $i -ge $(($2 * 5)) ] || ! kill -0 $pid 2>/dev/null; then
			echo "--- the screen so far:"; tr -d '\r' <"$log" | tail -30
			fail "$3"
		fi
		sleep 0.2
	done
}
type_in() { printf '%s\r' "$1" >&3; }

screen_has '^guest \(lguest\)# ' 300 "no guest shell prompt"
t1=$(date +%s.%N)
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
note "make run-linux: the guest's shell after $secs s"
expect_match "$(tr -d '\r' <"$log")" '^host# lguest ' "the host's command line"
type_in 'echo "kernel $(uname -r), $(grep -c /mnt /proc/mounts) disk"'
screen_has '^kernel 4\.9\.[0-9]+, 1 disk' 60 "the guest did not answer"
type_in 'ping -c 1 10.0.2.1 | grep received'
screen_has '1 packets received' 60 "the guest cannot reach the host"
type_in 'exit'
i=0
while kill -0 $pid 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 300 ] || fail "QEMU did not end after exit in the guest"
	sleep 0.2
done
wait $pid; rc=$?
pid=
tr -d '\r' <"$log" | tail -15
[ $rc -eq 0 ] || fail "make run-linux exited $rc"
expect_match "$(tr -d '\r' <"$log")" 'the guest has stopped: lguest exited with status 0' \
	"the guest's power-off"
exit 0
