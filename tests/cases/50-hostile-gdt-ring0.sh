#!/bin/sh
# GDT entries that try to give the guest ring 0: a privilege-0 code
# segment (plain and conforming) is made privilege 1, so a far jump to it
# stays at ring 1; a TSS descriptor is refused (not present); a reserved
# entry index is refused.  A code segment cut short under the guest's
# instruction pointer kills the guest before the Switcher's iret could
# fault at ring 0.
# timeout: 60
. /tests/lib.sh
load_lg
try_snippet gdt_ring0 '^dead: CRASH: handled$'
try_snippet gdt_ring0_conforming '^dead: CRASH: handled$'
try_snippet gdt_tss '^dead: unhandled trap 11 at'
try_snippet gdt_index '^dead: too many gdt entries 40'
try_snippet gdt_tiny_cs '^dead: bad segments: cs 0x61 ss 0x69'
unload_lg
exit 0
