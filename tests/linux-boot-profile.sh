#!/bin/bash
# linux-boot-profile.sh -- what a Linux guest's boot costs the Host, for
# the book: boots the QEMU host once and runs the VM test
# 92-linux-boot-profile (a Linux guest boots to its /init twice, with its
# whole console log and "quiet", and the Host's counters for it are read
# there from debugfs), then writes
#   tests/out/linux-boot.md    the counters, the data, the console log
#   tests/out/linux-boot.tex   the book's table (fig:linux-boot)
# with tests/linux-boot-table.py.  To put them in the book:
#   cp tests/out/linux-boot.md figures/linux-boot.md
#   tests/linux-boot-table.py figures/linux-boot.md figures/linux-boot.tex
# (or run this with --install, which does both).  Needs a Linux guest
# kernel (../shared/linux-guest/ or LINUX_GUEST) and "make" done.
set -uo pipefail
. "$(dirname "$0")/common.sh"
install=
[ "${1:-}" = --install ] && install=1
"$TESTS_DIR/run.sh" --vm-only 92-linux-boot-profile || exit 1
log=$OUT/logs/$(readlink "$OUT/logs/latest.log")
commit=$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null)$(git -C "$TOP" diff --quiet HEAD 2>/dev/null || echo ' (dirty)')
python3 "$TESTS_DIR/linux-boot-table.py" --md "${log#$TOP/}" "$commit" \
	>"$OUT/linux-boot.md" || exit 1
python3 "$TESTS_DIR/linux-boot-table.py" "$OUT/linux-boot.md" \
	"$OUT/linux-boot.tex" || exit 1
echo "wrote ${OUT#$TOP/}/linux-boot.md and ${OUT#$TOP/}/linux-boot.tex"
if [ -n "$install" ]; then
	cp "$OUT/linux-boot.md" "$TOP/figures/linux-boot.md"
	python3 "$TESTS_DIR/linux-boot-table.py" "$TOP/figures/linux-boot.md" \
		"$TOP/figures/linux-boot.tex"
	echo "and copied them to figures/"
fi
