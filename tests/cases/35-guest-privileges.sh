#!/bin/sh
# --username and --chroot: after telling the Host about the guest, the
# Launcher becomes that user (uid, gid and groups from /etc/passwd and
# /etc/group) inside that directory, and the guest runs on regardless.
# An unknown user is refused in one line before anything runs.
# timeout: 60
. /tests/lib.sh
need "$TESTGUEST" "the test guest"
load_lg
cp /etc/passwd /tmp/passwd.orig 2>/dev/null
cp /etc/group /tmp/group.orig 2>/dev/null
echo 'lgtest:x:4321:4322::/:/bin/false' >>/etc/passwd
echo 'lgtest:x:4322:' >>/etc/group
echo 'lgextra:x:4323:someone,lgtest' >>/etc/group
mkdir -p /tmp/jail
restore() {
	if [ -f /tmp/passwd.orig ]; then cp /tmp/passwd.orig /etc/passwd
	else rm -f /etc/passwd; fi
	if [ -f /tmp/group.orig ]; then cp /tmp/group.orig /etc/group
	else rm -f /etc/group; fi
}

err=$("$LAUNCHER" --username=nosuchuser 32 "$TESTGUEST" 2>&1 >/dev/null)
[ $? -ne 0 ] || { restore; fail "an unknown user was accepted"; }
expect_match "$err" "^lguest: --username: no user 'nosuchuser'" "unknown user"

: >/tmp/spin.out        # not an earlier test's: the shell may look first
"$LAUNCHER" --username=lgtest --chroot=/tmp/jail 32 "$TESTGUEST" test=spin \
	>/tmp/spin.out 2>&1 &
pid=$!
i=0
until grep -q '^ok spin-start' /tmp/spin.out; do
	i=$((i + 1))
	[ $i -lt 100 ] || { restore; fail "the guest never started: $(cat /tmp/spin.out)"; }
	sleep 0.1
done
uids=$(awk '/^Uid:/ { print $2, $3, $4, $5 }' /proc/$pid/status)
gids=$(awk '/^Gid:/ { print $2, $3, $4, $5 }' /proc/$pid/status)
groups=$(awk '/^Groups:/ { $1 = ""; print }' /proc/$pid/status)
root=$(readlink /proc/$pid/root)
kill $pid; wait $pid
restore
note "uids $uids, gids $gids, groups$groups, root $root"
expect_eq "$uids" "4321 4321 4321 4321" "Launcher uids"
expect_eq "$gids" "4322 4322 4322 4322" "Launcher gids"
expect_match "$groups" '^ *4322 4323 *$' "Launcher groups"
expect_eq "$root" "/tmp/jail" "Launcher root"
unload_lg
exit 0
