#!/bin/sh
# IDT gates that name a ring-0 code segment (the Switcher's 0x50, the
# kernel's 0x60): an interrupt gate (reflected) and a trap gate (delivered
# directly by the processor) both run the handler at ring 1 in 0x61.
# timeout: 60
. /tests/lib.sh
load_lg
try_snippet idt_ring0_int '^dead: CRASH: handled$'
try_snippet idt_ring0_trap '^dead: CRASH: handled$'
try_snippet bad_idt_type '^dead: bad IDT type 5 for vector 6'
unload_lg
exit 0
