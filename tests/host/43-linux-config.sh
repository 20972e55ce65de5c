#!/bin/bash
# The guest kernel's configuration fragments of the book (the roots
# linux/lguest-guest.config and linux/lguest-guest-pae.config of
# lguest.nw) agree with the configurations of the shipped Linux guest
# kernels: every option the fragment sets is set the same way in
# ../shared/linux-guest/config (or the directory of $LINUX_GUEST), and the
# two fragments merged, in that order, agree with config-pae.  "=y" (or
# any value) must be there exactly; "is not set" must not be set to
# anything.  Skipped when there is no shipped configuration.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
where=${LINUX_GUEST:-../shared/linux-guest}
[ -d "$where" ] || where=$(dirname "$where")
[ -f "$where/config" ] ||
	skip "no Linux guest kernel configuration in $where (see README)"
base=$(notangle -R'linux/lguest-guest.config' lguest.nw) ||
	fail "cannot tangle linux/lguest-guest.config"
pae=$(notangle -R'linux/lguest-guest-pae.config' lguest.nw) ||
	fail "cannot tangle linux/lguest-guest-pae.config"

# check FRAGMENT CONFIG: print each option of FRAGMENT that CONFIG sets
# differently; a later line of FRAGMENT overrides an earlier one, as when
# the kernel's tools merge fragments.
check() {
	awk '
	function opt(line) {
		if (match(line, /^CONFIG_[A-Za-z0-9_]+=/))
			return substr(line, 1, RLENGTH - 1)
		if (match(line, /^# CONFIG_[A-Za-z0-9_]+ is not set$/))
			return substr(line, 3, length(line) - 13)
		return ""
	}
	FNR == NR {
		if ((o = opt($0)) != "") {
			if (!(o in want))
				order[++n] = o
			want[o] = ($0 ~ /^#/) ? "n" : substr($0, length(o) + 2)
		} else if ($0 !~ /^(#.*)?$/)
			print "fragment: not an option: " $0
		next
	}
	(o = opt($0)) != "" {
		have[o] = ($0 ~ /^#/) ? "n" : substr($0, length(o) + 2)
	}
	END {
		for (i = 1; i <= n; i++) {
			o = order[i]
			h = (o in have) ? have[o] : "n"
			if (h != want[o])
				printf "%s: fragment %s, kernel %s\n", o, want[o], h
		}
		printf "checked %d options\n", n
	}' <(echo "$1") "$2"
}
out=$(check "$base" "$where/config") || fail "awk failed"
bad=$(echo "$out" | grep -v '^checked ')
[ -z "$bad" ] || fail "$where/config: $(echo "$bad" | tr '\n' ';')"
note "$where/config: $(echo "$out" | tail -1), all set the same way"
if [ -f "$where/config-pae" ]; then
	bad=$(check "$base
$pae" "$where/config-pae" | grep -v '^checked ')
	[ -z "$bad" ] || fail "$where/config-pae: $(echo "$bad" | tr '\n' ';')"
	note "$where/config-pae: the PAE fragment merged after it, the same"
fi
exit 0
