#!/bin/sh
# Tiny hand-written guests (tests/tools/lgsnippet.c) poke at the Host:
# hypercalls before and after LGUEST_INIT, bad and unimplemented ones, the
# async ring, shutdown and restart, and the Host's defences (sysenter, an
# LDT selector, software interrupts, the Switcher's own pages, odd flags,
# addresses beyond RAM), and traps the guest handles itself through its own
# interrupt table (reflected faults, LHREQ_TRAP, the virtual TS flag), and
# virtual interrupts (the clock, LHREQ_IRQ while halted, irq_pending while
# the guest has interrupts off, the frame reused at noirq_iret), and the
# guest's own segments (bad indexes, a segment pulled from under a live register, a forged TSS,
# thread-local storage), and shadow paging (two page directories, A and D
# bits, SET_PTE, a refused large page).
# Each must end the way the Host documents, and the Host must stay
# healthy.  Also measures a hypercall round trip.
# timeout: 120
. /tests/lib.sh
command -v lgsnippet >/dev/null || fail "lgsnippet is not built"
load_lg
# try NAME ERE: the snippet's one-line verdict matches ERE.
try() {
	out=$(lgsnippet "$1" 2>&1) || fail "lgsnippet $1: $out"
	expect_match "$out" "$2" "snippet $1"
	note "$1: $(echo "$out" | tr '\n' ' ')"
}
try hypercalls '^dead: CRASH: Power down'
try no_init '^dead: hypercall 2 before INIT'
try second_init '^dead: already have lguest_data'
try bad_hcall '^dead: Bad hypercall 99'
try pgdir_bad '^dead: bad page directory 0x123'
try paging '^dead: unhandled trap 14 at 0x[0-9a-f]+ \(0x800600\)'
try paging_io '^exit: trap 13 insn fa'
try paging_pse '^dead: bad page directory entry 0x83 for 0xc00000: a 4 MB \(PSE\) page'
try paging_mmio '^exit: trap 14 insn a1 10 00 addr 0x100010'
try paging_pf '^dead: CRASH: handled$'
try async '^dead: CRASH: Power down'
try restart '^restart'
try sysenter '^exit: trap 13 insn 0f 34'
try iopl '^exit: trap 13 insn fa'
try ldt '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x4\)'
try int80 '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x402\)'
try int3 '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x1a\)'
try ud2 '^dead: unhandled trap 6 '
try trapflag '^dead: unhandled trap 1 '
try sgdt_write '^dead: unhandled trap 14 at'
try switcher_write '^dead: unhandled trap 14 at'
try high '^dead: unhandled trap 14 at 0x[0-9a-f]+ \(0xfffff000\)'
try beyond '^dead: bad page table entry 0x[0-9a-f]+ for 0x200000: frame 0x200 is beyond guest memory'
try mmio '^exit: trap 14 insn .* addr 0x100010'
try nt_ac_flags '^dead: CRASH: Power down'
try fpu '^1 \+ 1 = 2$'
try idt_ud2 '^dead: CRASH: handled$'
try idt_gp '^dead: CRASH: handled$'
try trap_request '^dead: CRASH: handled$'
try ts '^dead: CRASH: handled$'
try bad_idt_type '^dead: bad IDT type 5 for vector 6'
try set_stack '^dead: CRASH: Power down'
try set_stack_bad '^dead: bad stack segment 0x68'
try irq_timer '^dead: CRASH: handled$'
try irq_launcher '^dead: CRASH: handled$'
try irq_masked '^dead: CRASH: handled$'
try noirq '^dead: CRASH: handled$'
try gdt_index '^dead: too many gdt entries 40'
try gdt_null_fs '^dead: CRASH: handled$'
try gdt_tss '^dead: unhandled trap 11 at'
try gdt_pull_cs '^dead: bad segments: cs 0x61 ss 0x69'
try tls '^dead: CRASH: handled$'
expect_no_match "$(dmesg)" 'NMI received for unknown reason' "dmesg"
unload_lg
exit 0
