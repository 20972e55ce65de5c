#!/bin/bash
# timeout: 300
# A second "make" does nothing: no generated file is rewritten, nothing is
# recompiled, the book is not typeset again.
. "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.." || exit 1
make >/dev/null 2>&1 || fail "make failed"
stamp=$(mktemp); trap 'rm -f "$stamp"' EXIT
sleep 1; touch "$stamp"; sleep 1
out=$(make 2>&1) || fail "second make failed: $out"
changed=$(find tangle weave book.pdf -newer "$stamp" -type f 2>/dev/null | head)
[ -z "$changed" ] || fail "second make rewrote: $changed"
expect_no_match "$out" 'CC|LD|notangle|noweave|latexmk|gcc' "second make's output"
note "second make: $(echo "$out" | wc -l) lines of output, no file touched"
