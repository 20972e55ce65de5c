#!/bin/bash
# timeout: 300
# A C error introduced in lguest.nw is reported by the compiler at
# lguest.nw:LINE, the line where it was introduced -- for the Launcher
# (gcc) and for the module (kbuild), through the #line directives that
# notangle -L puts into the tangled files.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# inject ROOT-PATTERN: copy lguest.nw to $tmp/lguest.nw with a bad line
# after the first line matching PATTERN; print that line's number.
inject() {
	awk -v pat="$1" '{ print } !done && index($0, pat) { print "\tthis_is_not_c;"; done = 1 }' \
		lguest.nw >"$tmp/lguest.nw"
	grep -n '^	this_is_not_c;$' "$tmp/lguest.nw" | cut -d: -f1
}

line=$(inject 'parse_options(argc, argv, &args);')
[ -n "$line" ] || fail "could not find the Launcher line to break"
mkdir -p "$tmp/t/launcher" "$tmp/t/include"
for r in $(make -s roots); do
	case $r in launcher/*|include/*) ;; *) continue;; esac
	notangle -t8 -L'#line %L "%F"%N' -R"$r" "$tmp/lguest.nw" >"$tmp/t/$r"
done
err=$(gcc -m32 -c -Wall -Werror -I"$tmp/t/include" -o /dev/null "$tmp/t/launcher/lguest.c" 2>&1) &&
	fail "the broken Launcher compiled"
expect_match "$err" "$tmp/lguest.nw:$line:[0-9]+: error" "gcc's error for the Launcher"
note "gcc: $(echo "$err" | grep -m1 error)"

. tests/cache/kernel.env 2>/dev/null || fail "no kernel headers (run tests/fetch-kernel.sh)"
line=$(inject 'pr_info("/dev/lguest is ready')
[ -n "$line" ] || fail "could not find the module line to break"
mkdir -p "$tmp/t/lguest"
for r in $(make -s roots); do
	case $r in lguest/*|include/*) ;; *) continue;; esac
	args=(-t8); case $r in *.c|*.h|*.S) args+=(-L'#line %L "%F"%N');; esac
	notangle "${args[@]}" -R"$r" "$tmp/lguest.nw" >"$tmp/t/$r"
done
err=$(make -C "$KDIR" M="$tmp/t/lguest" ARCH=x86 modules 2>&1) &&
	fail "the broken module compiled"
expect_match "$err" "$tmp/lguest.nw:$line:[0-9]+: error" "kbuild's error for the module"
note "kbuild: $(echo "$err" | grep -m1 error)"
