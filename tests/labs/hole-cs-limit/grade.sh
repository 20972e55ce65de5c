#!/bin/sh
# Lab hole-cs-limit: the Host checks the guest's instruction pointer
# against its code segment's limit before every entry.
# timeout: 60
. /tests/lib.sh
load_lg
tiny_cs() { try_snippet gdt_tiny_cs '^dead: bad segments: cs 0x61 ss 0x69$'; }
pulled_cs() { try_snippet gdt_pull_cs '^dead: bad segments: cs 0x61 ss 0x69$'; }
tls() { try_snippet tls '^dead: CRASH: handled$'; }
lab_check "a code segment cut short under eip kills the guest (gdt_tiny_cs)" tiny_cs
lab_check "a code segment pulled away kills the guest (gdt_pull_cs)" pulled_cs
lab_check "good segments still work (tls)" tls
lab_score hole-cs-limit
