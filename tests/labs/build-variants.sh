#!/bin/bash
# build-variants.sh OUTDIR LAB... — for "make check": build, for each lab,
# the program at its starting point (lguest.nw with tests/labs/LAB/
# start.patch applied, if it has one) and with the reference solution
# (tests/solutions/LAB.patch) on top, into OUTDIR/LAB/start/ and
# OUTDIR/LAB/solved/ (lg.ko, lguest, testguest).  A variant's file that
# tangles to the same sources as the tree's own build is not built again:
# it becomes a symbolic link to the tree's copy in the VM (/lg.ko,
# /bin/lguest, /guests/testguest).  So a Host-only patch costs one kbuild
# of lg.ko and a Launcher-only patch one compile of the Launcher; the
# variants are built two at a time.
set -euo pipefail
. "$(dirname "$0")/../common.sh"
out=$1; shift
T=$TOP/tangle
[ -f "$T/.stamp" ] || { echo "build-variants: build the tree first (make)" >&2; exit 1; }

# prepare DIR NW: a copy of the tree's Makefile with lguest.nw = NW.
prepare() {
	mkdir -p "$1/tests"
	cp "$2" "$1/lguest.nw"
	cp "$TOP/Makefile" "$1/Makefile"
	ln -sfn "$TESTS_DIR/cache" "$1/tests/cache"
}

rm -rf "$out"
mkdir -p "$out"
for lab; do
	d=$TESTS_DIR/labs/$lab
	[ -f "$d/grade.sh" ] || { echo "build-variants: no lab $lab" >&2; exit 1; }
	prepare "$out/$lab/start.src" "$TOP/lguest.nw"
	if [ -f "$d/start.patch" ]; then
		patch -s -p1 -d "$out/$lab/start.src" <"$d/start.patch" ||
			{ echo "lab $lab: start.patch does not apply" >&2; exit 1; }
	fi
	prepare "$out/$lab/solved.src" "$out/$lab/start.src/lguest.nw"
	patch -s -p1 -d "$out/$lab/solved.src" <"$TESTS_DIR/solutions/$lab.patch" ||
		{ echo "lab $lab: the solution does not apply" >&2; exit 1; }
done

# same T1 T2 PART...: the tangled sources of PART (directories under
# tangle/) are the same in both trees, but for the #line directives, which
# name each tree's own lguest.nw.
same() {
	local a=$1 b=$2 f; shift 2
	srcs() { (cd "$1" && shift && find "$@" -type f \( -name '*.[chS]' \
		-o -name '*.lds' -o -name Kbuild \) ! -name '*.mod.c' | sort); }
	[ "$(srcs "$a" "$@")" = "$(srcs "$b" "$@")" ] || return 1
	for f in $(srcs "$a" "$@"); do
		cmp -s <(grep -v '^#line' "$a/$f") <(grep -v '^#line' "$b/$f") ||
			return 1
	done
}

# build SRC: tangle, then build only what differs from the tree's build.
build() {
	local src=$1 dst=${1%.src} t=$1/tangle p
	mkdir -p "$dst"
	make -s -C "$src" tangle >"$src.log" 2>&1 || { cat "$src.log"; return 1; }
	for p in lguest/lg.ko:/lg.ko launcher/lguest:/bin/lguest \
		 guest/testguest:/guests/testguest; do
		local file=${p%%:*} vm=${p#*:} name
		name=${file#*/}
		if same "$T" "$t" "${file%/*}" include; then
			ln -sfn "$vm" "$dst/$name"
			continue
		fi
		make -C "$src" "tangle/$file" >>"$src.log" 2>&1 ||
			{ echo "${dst#$out/}: building $file failed"; tail -30 "$src.log"
			  return 1; }
		if [ "$name" = lg.ko ]; then
			strip --strip-debug -o "$dst/$name" "$t/$file"
		else
			cp "$t/$file" "$dst/$name"
		fi
	done
	echo "built ${dst#$out/}: $(cd "$dst" && for f in *; do
		[ -L "$f" ] || printf '%s ' "$f"; done)"
}
export -f build same
export T out
ls -d "$out"/*/*.src | xargs -P "${LAB_JOBS:-2}" -I{} bash -c 'build {}'
