#!/bin/bash
# fetch-kernel.sh — fetch the stock Debian 12 i386 kernels the tests boot, in
# two flavours of the SAME Debian version: "686" (non-PAE, what everything
# uses by default) and "686-pae" (3-level paging, HIGHMEM64G; for the PAE
# port, see tests/notes/placement-and-pae.md).  With each: its headers (the
# flavour's and the shared -common), the matching amd64 kbuild tools and a
# static i386 busybox.  All are unpacked into tests/cache/root/ (a private
# sysroot; nothing is installed on the host).
#
# Usage: tests/fetch-kernel.sh [--force] [686|686-pae|all]    (default all)
#
# Result: per flavour a file sourceable by sh/bash/make,
#   tests/cache/kernel.env          the 686 flavour
#   tests/cache/kernel-686-pae.env  the 686-pae flavour (also says FLAVOUR=686-pae)
# holding
#   KVER     kernel release, e.g. 6.1.0-50-686 or 6.1.0-50-686-pae
#   KDEBVER  Debian package version, e.g. 6.1.176-1 (the same in both)
#   KIMAGE   absolute path of the bzImage (vmlinuz) to boot with QEMU
#   KDIR     absolute path usable as  make -C $KDIR M=$PWD ARCH=x86 modules
#   KMODDIR  absolute path of the unpacked /lib/modules/$KVER tree
#   BUSYBOX  absolute path of the static i386 busybox
#
# Idempotent: a flavour whose env file exists with every path valid is not
# fetched again; with all of them valid this is a no-op.  The 686 flavour is
# resolved from the linux-image-686 metapackage and unpacked into a fresh
# sysroot; 686-pae is then added beside it, pinned to the version of the
# 686 kernel in the cache (so adding it never changes or moves the 686 files
# that other work trees may be using).  Without an argument a failure to get
# 686-pae is only a warning (the default flavour does not need it); asked
# for by name, it is an error.  --force fetches everything afresh.  Needs
# apt-get (and the i386 architecture enabled, see install-deps.sh); works as
# root or as a user.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=$here/cache
force=0 want=all
for a in "$@"; do
	case $a in
	--force) force=1 ;;
	686|686-pae|all) want=$a ;;
	*) echo "usage: $0 [--force] [686|686-pae|all]" >&2; exit 2 ;;
	esac
done

say() { echo "fetch-kernel: $*"; }
die() { echo "fetch-kernel: ERROR: $*" >&2; exit 1; }

mkdir -p "$cache"
# The cache may be a symbolic link (shared by several work trees): name it
# by its real path, the one written into the env files and the headers.
cache=$(cd "$cache" && pwd -P)
root=$cache/root
debs=$cache/debs
envfile=$cache/kernel.env
paeenv=$cache/kernel-686-pae.env

# env_valid FILE FLAVOUR: FILE exists and every path in it is valid.
env_valid() {
	[ -f "$1" ] || return 1
	( set +u
	  . "$1"
	  [ -n "$KVER" ] && [ -n "$KDEBVER" ] && [ "${KVER%-$2}" != "$KVER" ] &&
	  [ -f "$KIMAGE" ] && [ -f "$KDIR/Makefile" ] && [ -f "$KDIR/.config" ] &&
	  [ -d "$KDIR/scripts/" ] && [ -d "$KMODDIR/kernel" ] && [ -x "$BUSYBOX" ] &&
	  [ -e "$root/.complete-$KDEBVER" ] &&
	  { [ "$2" = 686 ] || [ -e "$root/.complete-$KVER" ]; } &&
	  grep -q "^include $root/" "$KDIR/Makefile" ) || return 1
}

# pae_valid: the 686-pae env is valid and of the cached 686 kernel's version.
pae_valid() {
	env_valid "$paeenv" 686-pae || return 1
	[ "$(. "$paeenv"; echo "$KDEBVER")" = "$(. "$envfile"; echo "$KDEBVER")" ]
}

# One fetch at a time (several harness runs may start together).
exec 9>"$cache/.lock"
flock 9

need686=0 needpae=0
if [ $force = 1 ] || ! env_valid "$envfile" 686; then need686=1; fi
if [ "$want" != 686 ] && { [ $need686 = 1 ] || ! pae_valid; }; then needpae=1; fi
if [ $need686 = 0 ] && [ $needpae = 0 ]; then
	case $want in
	686) say "tests/cache/kernel.env is valid, nothing to do" ;;
	686-pae) say "tests/cache/kernel-686-pae.env is valid, nothing to do" ;;
	*) say "tests/cache/kernel.env and kernel-686-pae.env are valid, nothing to do" ;;
	esac
	exit 0
fi

command -v apt-cache >/dev/null || die "apt-cache not found (this needs Debian)"
command -v dpkg-deb >/dev/null || die "dpkg-deb not found"

# check_available PKG...: each "name arch version" exists in exactly that
# version (apt may offer a newer linux-kbuild from -security than the image
# we resolved: we want the one that matches the image).
check_available() {
	local p
	for p in "$@"; do
		set -- $p
		spec=$1:$2; [ "$2" = all ] && spec=$1
		# (apt-cache show exits 0 on an unknown version, saying nothing.)
		[ -n "$(apt-cache show "$spec=$3" 2>/dev/null)" ] ||
			die "$spec version $3 is not available from apt (versions known: $(apt-cache madison "$1" 2>/dev/null | awk -F'|' -v a="$2" '$3 ~ a {gsub(/ /,"",$2); printf "%s ", $2}')) — headers and kbuild must match the image version exactly"
	done
}

# download PKG...: put each "name arch version" into $debs (unless it is
# there already); the .deb files end up in the array debfiles.
download() {
	local p name arch ver spec f c
	mkdir -p "$debs"
	debfiles=()
	for p in "$@"; do
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
}

# unpack DIR KVER...: unpack the debfiles into the fresh directory DIR and
# repair the absolute paths in the headers of each KVER.  Relative links
# (686/scripts -> ../../lib/linux-kbuild-6.1/scripts) already resolve inside
# the sysroot.  The absolute ones are made relative/rooted here, naming the
# final location $root (DIR is moved or copied there afterwards).
unpack() {
	local dir=$1 f k l t rel; shift
	rm -rf "$dir"
	mkdir -p "$dir"
	for f in "${debfiles[@]}"; do
		say "unpacking $(basename "$f")…"
		dpkg-deb -x "$f" "$dir" || die "cannot unpack $f"
	done
	say "repairing header paths…"
	for k in "$@"; do
		# Makefile: "include /usr/src/linux-headers-ABI-common/Makefile"
		sed -i "s|^include /usr/src/|include $root/usr/src/|" \
			"$dir/usr/src/linux-headers-$k/Makefile" ||
			die "no Makefile in the headers of $k"
	done
	# Any other absolute symlink that points into /usr or /lib: re-point it
	# into the sysroot (relative, so the cache can be moved as a whole).
	find "$dir" -type l | while read -r l; do
		t=$(readlink "$l")
		case $t in
		/usr/*|/lib/*)
			rel=$(realpath -m --relative-to="$(dirname "$l")" "$dir$t")
			ln -sfn "$rel" "$l" ;;
		esac
	done
}

# finish KVER ENVFILE [FLAVOUR]: check what was unpacked for KVER, run
# depmod, mark it complete and write ENVFILE.
finish() {
	local kver=$1 file=$2 flavour=${3:-}
	KIMAGE=$root/boot/vmlinuz-$kver
	KDIR=$root/usr/src/linux-headers-$kver
	KMODDIR=$root/lib/modules/$kver
	BUSYBOX=$root/bin/busybox
	[ -f "$KIMAGE" ] || die "no kernel image at $KIMAGE"
	[ -f "$KDIR/.config" ] || die "no .config in $KDIR"
	[ -d "$KDIR/scripts/mod" ] || die "$KDIR/scripts does not resolve into the kbuild package"
	[ -d "$root/usr/src/linux-headers-$ABI-common/include" ] ||
		die "no common headers in $root/usr/src/linux-headers-$ABI-common"
	[ -d "$KMODDIR/kernel" ] || die "no modules under $KMODDIR"
	[ -x "$BUSYBOX" ] || die "no busybox at $BUSYBOX"
	file "$BUSYBOX" 2>/dev/null | grep -q 'ELF 32-bit.*statically' ||
		{ command -v file >/dev/null && die "$BUSYBOX is not a static 32-bit ELF"; } || true
	# modules.dep etc. are made by the package's postinst, which we do not
	# run: make them so that modprobe works inside the test VM.
	if command -v depmod >/dev/null || [ -x /sbin/depmod ]; then
		say "running depmod for $kver…"
		PATH=$PATH:/sbin:/usr/sbin depmod -b "$root" "$kver" || die "depmod failed"
	fi
	if [ -n "$flavour" ]; then touch "$root/.complete-$kver"
	else touch "$root/.complete-$KDEBVER"; fi
	{
		echo "# Written by tests/fetch-kernel.sh on $(date -u +%FT%TZ); do not edit."
		echo "KVER=$kver"
		echo "KDEBVER=$KDEBVER"
		echo "KIMAGE=$KIMAGE"
		echo "KDIR=$KDIR"
		echo "KMODDIR=$KMODDIR"
		echo "BUSYBOX=$BUSYBOX"
		[ -z "$flavour" ] || echo "FLAVOUR=$flavour"
	} >"$file.tmp"
	mv "$file.tmp" "$file" || die "cannot write $file"
	say "wrote tests/cache/$(basename "$file"):"
	sed 's/^/  /' "$file"
}

# --- 686: resolve the metapackage, fetch into a fresh sysroot. ---------------
if [ $need686 = 1 ]; then
	rm -f "$paeenv"         # the fresh sysroot will not hold its files
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
	bbver=$(apt-cache policy busybox-static:i386 | awk '/Candidate:/ {print $2}')
	[ -n "$bbver" ] && [ "$bbver" != "(none)" ] || die "busybox-static:i386 has no candidate"
	pkgs=(
		"$IMG i386 $KDEBVER"
		"linux-headers-$KVER i386 $KDEBVER"
		"linux-headers-$ABI-common all $KDEBVER"
		"linux-kbuild-$series amd64 $KDEBVER"
		"busybox-static i386 $bbver"
	)
	check_available "${pkgs[@]}"
	download "${pkgs[@]}"
	unpack "$root.tmp" "$KVER"
	# The Makefile include path above names the final location: move into place.
	rm -rf "$root"
	mv "$root.tmp" "$root"
	finish "$KVER" "$envfile"
fi

# --- 686-pae: the same version as the cached 686, added beside it. -----------
add_pae() {
	KVER=$(. "$envfile"; echo "$KVER")
	KDEBVER=$(. "$envfile"; echo "$KDEBVER")
	ABI=${KVER%-686}
	local kpae=$ABI-686-pae
	rm -f "$paeenv"
	say "adding the 686-pae flavour of $KVER: $kpae $KDEBVER"
	pkgs=(
		"linux-image-$kpae i386 $KDEBVER"
		"linux-headers-$kpae i386 $KDEBVER"
	)
	check_available "${pkgs[@]}"
	download "${pkgs[@]}"
	unpack "$cache/root-686-pae.tmp" "$kpae"
	# Into the sysroot beside 686: these packages share no file with it
	# (their files are named by $kpae); nothing already there is replaced.
	cp -a --no-clobber "$cache/root-686-pae.tmp/." "$root/" ||
		die "cannot copy the 686-pae files into $root"
	rm -rf "$cache/root-686-pae.tmp"
	finish "$kpae" "$paeenv" 686-pae
}
if [ $needpae = 1 ]; then
	if [ "$want" = 686-pae ]; then
		add_pae
	elif ! (add_pae); then
		echo "fetch-kernel: WARNING: no 686-pae flavour (see above); the default 686 flavour is fine. Only \"make pae\" and HOST_FLAVOUR=686-pae need it." >&2
	fi
fi
exit 0
