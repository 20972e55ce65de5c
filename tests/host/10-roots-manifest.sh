#!/bin/sh
# The root chunks noweb finds in lguest.nw are exactly the Makefile's
# manifest: an unused chunk or a misspelled continuation shows up here as
# an extra root, a missing file as a missing one.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
found=$(noroots lguest.nw | sed 's/^<<//; s/>>$//; s/^\[\[//; s/\]\]$//' | sort)
wanted=$(make -s roots | tr ' ' '\n' | sed '/^$/d' | sort)
[ -n "$wanted" ] || fail "empty manifest"
if [ "$found" != "$wanted" ]; then
	echo "noroots:  $found"
	echo "manifest: $wanted"
	fail "roots in lguest.nw differ from the Makefile's ROOTS"
fi
note "$(echo "$wanted" | wc -l) roots, all in the manifest"
