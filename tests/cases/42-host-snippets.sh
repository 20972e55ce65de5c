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
# bits, SET_PTE, a refused large page; their tables are two-level ones, so
# a PAE Host must refuse them, each with the same one line).
# Each must end the way the Host documents, and the Host must stay
# healthy.  Also measures a hypercall round trip.
# timeout: 120
. /tests/lib.sh
load_lg
try_snippet hypercalls '^dead: CRASH: Power down'
try_snippet no_init '^dead: hypercall 2 before INIT'
try_snippet second_init '^dead: already have lguest_data'
try_snippet init_beyond '^dead: bad guest page 0x10fff0$'
try_snippet bad_hcall '^dead: Bad hypercall 99'
# SET_PGD with an empty slot's key (all ones) finds no slot.
try_snippet set_pgd_empty '^dead: CRASH: Power down'
if [ -z "$HOST_PAE" ]; then
	try_snippet pgdir_bad '^dead: bad page directory 0x123'
	try_snippet paging '^dead: unhandled trap 14 at 0x[0-9a-f]+ \(0x800600\)'
	try_snippet paging_io '^exit: trap 13 insn fa'
	try_snippet paging_pse '^dead: bad page directory entry 0x83 for 0xc00000: a 4 MB \(PSE\) page'
	try_snippet paging_mmio '^exit: trap 14 insn a1 10 00 addr 0x100010'
	try_snippet paging_pf '^dead: CRASH: handled$'
else
	# The snippets' page tables are two-level ones: a PAE Host refuses
	# them at the first, and the test guest's PAE mode tests its paging.
	try_snippet pgdir_bad '^dead: bad page directory pointer table 0x123'
	for s in paging paging_io paging_pse paging_mmio paging_pf; do
		try_snippet $s '^dead: guest page tables are not PAE ones, and this Host runs only PAE guests$'
	done
fi
try_snippet async '^dead: CRASH: Power down'
try_snippet restart '^restart'
try_snippet sysenter '^exit: trap 13 insn 0f 34'
try_snippet iopl '^exit: trap 13 insn fa'
try_snippet ldt '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x4\)'
try_snippet int80 '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x402\)'
try_snippet int3 '^dead: unhandled trap 13 at 0x[0-9a-f]+ \(0x1a\)'
try_snippet ud2 '^dead: unhandled trap 6 '
try_snippet trapflag '^dead: unhandled trap 1 '
try_snippet sgdt '^exit: trap 13 insn 0f 01 05'
try_snippet high '^dead: unhandled trap 14 at 0x[0-9a-f]+ \(0xfffff000\)'
try_snippet beyond '^dead: bad page table entry 0x[0-9a-f]+ for 0x200000: frame 0x200 is beyond guest memory'
try_snippet mmio '^exit: trap 14 insn .* addr 0x100010'
try_snippet nt_ac_flags '^dead: CRASH: Power down'
try_snippet fpu '^1 \+ 1 = 2$'
try_snippet idt_ud2 '^dead: CRASH: handled$'
try_snippet idt_gp '^dead: CRASH: handled$'
try_snippet trap_request '^dead: CRASH: handled$'
try_snippet ts '^dead: CRASH: handled$'
try_snippet bad_idt_type '^dead: bad IDT type 5 for vector 6'
try_snippet set_stack '^dead: CRASH: Power down'
try_snippet set_stack_bad '^dead: bad stack segment 0x68'
try_snippet irq_timer '^dead: CRASH: handled$'
try_snippet irq_launcher '^dead: CRASH: handled$'
try_snippet irq_masked '^dead: CRASH: handled$'
try_snippet noirq '^dead: CRASH: handled$'
try_snippet gdt_index '^dead: too many gdt entries 40'
try_snippet gdt_null_fs '^dead: CRASH: handled$'
try_snippet gdt_tss '^dead: unhandled trap 11 at'
try_snippet gdt_pull_cs '^dead: bad segments: cs 0x61 ss 0x69'
try_snippet tls '^dead: CRASH: handled$'
expect_no_match "$(dmesg)" 'NMI received for unknown reason' "dmesg"
unload_lg
exit 0
