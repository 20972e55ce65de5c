#!/bin/bash
# install-deps.sh — install what building the book and running the tests need
# on a Debian 12 (bookworm) amd64 machine.  Run as root.  Idempotent.
#
# We never install an i386 compiler: the module is built by the amd64 gcc 12
# with the 686 headers' .config (32-bit), and the launcher with gcc -m32
# (gcc-multilib).  The i386 architecture is enabled only so that apt can
# fetch the i386 kernel, headers and busybox (tests/fetch-kernel.sh).
set -euo pipefail

pkgs=(
	# the book (python3 runs its weave filter and its layout checks)
	noweb texlive-latex-base texlive-latex-recommended texlive-latex-extra
	texlive-pictures texlive-fonts-recommended lmodern latexmk poppler-utils
	python3
	# building
	make gcc gcc-multilib bc
	# the test harness
	qemu-system-x86 cpio kmod xz-utils file strace
)

say() { echo "install-deps: $*"; }
die() { echo "install-deps: ERROR: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run me as root"
export DEBIAN_FRONTEND=noninteractive

if ! dpkg --print-foreign-architectures | grep -qx i386; then
	say "adding the i386 architecture"
	dpkg --add-architecture i386
	updated=0
else
	updated=1
fi

missing() {
	local p out=()
	for p in "${pkgs[@]}"; do
		[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] ||
			out+=("$p")
	done
	echo "${out[@]:-}"
}

# apt-get update only if something is missing, or the i386 lists are absent
# (fetch-kernel.sh needs them).
need=$(missing)
cand() { apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}'; }
kc=$(cand linux-image-686:i386)
if [ -n "$need" ] || [ $updated = 0 ] || [ -z "$kc" ] || [ "$kc" = "(none)" ]; then
	say "apt-get update"
	# One index (e.g. bookworm-security for i386) may fail to fetch: do not
	# abort on apt's exit code; check below that what we need is there.
	apt-get update -q || say "apt-get update reported errors (tolerated; checking candidates)"
fi

# One apt-cache call for all; every package must show a real candidate.
want=("${pkgs[@]}" linux-image-686:i386 busybox-static:i386)
have=$(apt-cache policy "${want[@]}" 2>/dev/null |
	awk '/^[^ ].*:$/ {p=$0; sub(/:$/,"",p)} /Candidate:/ && $2 ~ /^[0-9]/ {print p}')
nocand=
for p in "${want[@]}"; do
	grep -qx -e "$p" -e "$p:amd64" <<<"$have" || nocand="$nocand $p"
done
[ -z "$nocand" ] || die "no install candidate after apt-get update for:$nocand"

need=$(missing)
if [ -n "$need" ]; then
	say "installing: $need"
	apt-get install -y -q --no-install-recommends $need
else
	say "all packages already installed"
fi
