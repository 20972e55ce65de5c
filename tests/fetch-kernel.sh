#!/bin/bash
# fetch-kernel.sh — fetch the stock Debian 12 i386 "686" kernel, its headers,
# the matching amd64 kbuild tools and a static i386 busybox, and unpack them
# into tests/cache/root/ (a private sysroot; nothing is installed on the host).
#
# Result: tests/cache/kernel.env, sourceable by sh/bash/make:
#   KVER     kernel release, e.g. 6.1.0-50-686
#   KDEBVER  Debian package version, e.g. 6.1.176-1
#   KIMAGE   absolute path of the bzImage (vmlinuz) to boot with QEMU
#   KDIR     absolute path usable as  make -C $KDIR M=$PWD ARCH=x86 modules
#   KMODDIR  absolute path of the unpacked /lib/modules/$KVER tree
#   BUSYBOX  absolute path of the static i386 busybox
#
# Idempotent: if kernel.env exists and every path in it is valid, this is a
# no-op.  Use --force to fetch again.  Needs apt-get (and the i386
# architecture enabled, see install-deps.sh); works as root or as a user.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=$here/cache
root=$cache/root
debs=$cache/debs
envfile=$cache/kernel.env
force=0
[ "${1:-}" = --force ] && force=1

say() { echo "fetch-kernel: $*"; }
die() { echo "fetch-kernel: ERROR: $*" >&2; exit 1; }

env_valid() {
	[ -f "$envfile" ] || return 1
	( set +u
	  . "$envfile"
	  [ -n "$KVER" ] && [ -n "$KDEBVER" ] &&
	  [ -f "$KIMAGE" ] && [ -f "$KDIR/Makefile" ] && [ -f "$KDIR/.config" ] &&
	  [ -d "$KDIR/scripts/" ] && [ -d "$KMODDIR/kernel" ] && [ -x "$BUSYBOX" ] &&
	  [ -e "$root/.complete-$KDEBVER" ] &&
	  grep -q "^include $root/" "$KDIR/Makefile" ) || return 1
}

mkdir -p "$cache"
# The cache may be a symbolic link (shared by several work trees): name it
# by its real path, the one written into kernel.env and the headers.
cache=$(cd "$cache" && pwd -P)
root=$cache/root
debs=$cache/debs
envfile=$cache/kernel.env
# One fetch at a time (several harness runs may start together).
exec 9>"$cache/.lock"
flock 9

if [ $force = 0 ] && env_valid; then
	say "tests/cache/kernel.env is valid, nothing to do"
	exit 0
fi

command -v apt-cache >/dev/null || die "apt-cache not found (this needs Debian)"
command -v dpkg-deb >/dev/null || die "dpkg-deb not found"

# --- Resolve the metapackage to the real image package. -------------------
say "resolving linux-image-686:i386…"
metaver=$(apt-cache policy linux-image-686:i386 | awk '/Candidate:/ {print $2}')
[ -n "$metaver" ] && [ "$metaver" != "(none)" ] ||
	die "linux-image-686:i386 has no candidate: run tests/install-deps.sh (dpkg --add-architecture i386; apt-get update)"
imgpkg=$(apt-cache show "linux-image-686:i386=$metaver" |
	sed -n 's/^Depends:.*\(linux-image-[0-9][^ ,]*-686\) (= \([^)]*\)).*/\1 \2/p' | head -1)
[ -n "$imgpkg" ] || die "cannot parse the Depends of linux-image-686=$metaver"
set -- $imgpkg
IMG=$1 KDEBVER=$2
KVER=${IMG#linux-image-}               # 6.1.0-50-686
ABI=${KVER%-686}                        # 6.1.0-50
series=$(echo "$KVER" | cut -d. -f1-2) # 6.1
say "linux-image-686 $metaver -> $IMG $KDEBVER (KVER=$KVER)"

# Every package we want, as "name arch version"; each must exist in exactly
# that version (apt may offer a newer linux-kbuild from -security than the
# image we resolved: we want the one that matches the image).
bbver=$(apt-cache policy busybox-static:i386 | awk '/Candidate:/ {print $2}')
[ -n "$bbver" ] && [ "$bbver" != "(none)" ] || die "busybox-static:i386 has no candidate"
pkgs=(
	"$IMG i386 $KDEBVER"
	"linux-headers-$KVER i386 $KDEBVER"
	"linux-headers-$ABI-common all $KDEBVER"
	"linux-kbuild-$series amd64 $KDEBVER"
	"busybox-static i386 $bbver"
)
for p in "${pkgs[@]}"; do
	set -- $p
	spec=$1:$2; [ "$2" = all ] && spec=$1
	apt-cache show "$spec=$3" >/dev/null 2>&1 ||
		die "$spec version $3 is not available from apt (versions known: $(apt-cache madison "$1" 2>/dev/null | awk -F'|' -v a="$2" '$3 ~ a {gsub(/ /,"",$2); printf "%s ", $2}')) — headers and kbuild must match the image version exactly"
done

# --- Download. --------------------------------------------------------------
mkdir -p "$debs"
debfiles=()
for p in "${pkgs[@]}"; do
	set -- $p
	name=$1 arch=$2 ver=$3
	spec=$name:$arch; [ "$arch" = all ] && spec=$name
	f=
	for c in "$debs/${name}_"*"_$arch.deb"; do
		[ -s "$c" ] && [ "$(dpkg-deb -f "$c" Version 2>/dev/null)" = "$ver" ] && f=$c
	done
	if [ -n "$f" ]; then
		say "have $(basename "$f")"
	else
		say "downloading $name ($arch) $ver…"
		# apt-get download drops root to _apt when it can; a cache dir
		# that _apt cannot read only gives a harmless warning.
		(cd "$debs" && apt-get download -q=2 "$spec=$ver" 2>&1 |
			grep -v 'Download is performed unsandboxed' || true)
		if ! ls "$debs/${name}_"*"_$arch.deb" >/dev/null 2>&1 &&
		   [ "$(id -u)" = 0 ] && [ -z "${updated:-}" ]; then
			# Stale package lists name files the mirror no longer has.
			say "download failed; apt-get update and one more try…"
			apt-get update -q >/dev/null 2>&1 || true
			updated=1
			(cd "$debs" && apt-get download -q=2 "$spec=$ver" 2>&1 |
				grep -v 'Download is performed unsandboxed' || true)
		fi
		for c in "$debs/${name}_"*"_$arch.deb"; do
			[ -s "$c" ] && [ "$(dpkg-deb -f "$c" Version 2>/dev/null)" = "$ver" ] && f=$c
		done
		[ -n "$f" ] || die "download of $spec=$ver failed"
	fi
	debfiles+=("$f")
done

# --- Unpack into a fresh sysroot. -------------------------------------------
rm -rf "$root.tmp"
mkdir -p "$root.tmp"
for f in "${debfiles[@]}"; do
	say "unpacking $(basename "$f")…"
	dpkg-deb -x "$f" "$root.tmp"
done

# --- Repair absolute paths in the headers. ----------------------------------
# Relative links (686/scripts -> ../../lib/linux-kbuild-6.1/scripts) already
# resolve inside the sysroot.  The absolute ones are made relative/rooted here.
hdr686=$root/usr/src/linux-headers-$KVER
hdrcommon=$root/usr/src/linux-headers-$ABI-common
say "repairing header paths…"
# Makefile: "include /usr/src/linux-headers-ABI-common/Makefile"
sed -i "s|^include /usr/src/|include $root/usr/src/|" "$root.tmp/usr/src/linux-headers-$KVER/Makefile"
# Any other absolute symlink that points into /usr or /lib: re-point it into
# the sysroot (relative, so the cache can be moved as a whole).
find "$root.tmp" -type l | while read -r l; do
	t=$(readlink "$l")
	case $t in
	/usr/*|/lib/*)
		rel=$(realpath -m --relative-to="$(dirname "$l")" "$root.tmp$t")
		ln -sfn "$rel" "$l" ;;
	esac
done
# The Makefile include path above names the final location: move into place.
rm -rf "$root"
mv "$root.tmp" "$root"

KIMAGE=$root/boot/vmlinuz-$KVER
KDIR=$hdr686
KMODDIR=$root/lib/modules/$KVER
BUSYBOX=$root/bin/busybox
[ -f "$KIMAGE" ] || die "no kernel image at $KIMAGE"
[ -f "$KDIR/.config" ] || die "no .config in $KDIR"
[ -d "$KDIR/scripts/mod" ] || die "$KDIR/scripts does not resolve into the kbuild package"
[ -d "$hdrcommon/include" ] || die "no common headers in $hdrcommon"
[ -d "$KMODDIR/kernel" ] || die "no modules under $KMODDIR"
[ -x "$BUSYBOX" ] || die "no busybox at $BUSYBOX"
file "$BUSYBOX" 2>/dev/null | grep -q 'ELF 32-bit.*statically' ||
	{ command -v file >/dev/null && die "$BUSYBOX is not a static 32-bit ELF"; } || true
# modules.dep etc. are made by the package's postinst, which we do not run:
# make them so that modprobe works inside the test VM.
if command -v depmod >/dev/null || [ -x /sbin/depmod ]; then
	say "running depmod…"
	PATH=$PATH:/sbin:/usr/sbin depmod -b "$root" "$KVER" || die "depmod failed"
fi
touch "$root/.complete-$KDEBVER"

cat >"$envfile" <<EOF
# Written by tests/fetch-kernel.sh on $(date -u +%FT%TZ); do not edit.
KVER=$KVER
KDEBVER=$KDEBVER
KIMAGE=$KIMAGE
KDIR=$KDIR
KMODDIR=$KMODDIR
BUSYBOX=$BUSYBOX
EOF
say "wrote tests/cache/kernel.env:"
sed 's/^/  /' "$envfile"
