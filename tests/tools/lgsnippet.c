/*
 * lgsnippet: run one tiny hand-written guest under /dev/lguest and say how
 * it ended.  Each snippet is a few instructions of ring-1 code that pokes
 * at one corner of the Host (a hypercall storm, sysenter, an LDT selector,
 * the Switcher's own pages, odd flags...).  Prints one line:
 *   "dead: REASON"             the Host killed the guest (or it shut down)
 *   "exit: trap T insn ... addr A"   the guest needs the Launcher
 *   "restart"                  the guest asked to be restarted
 * plus, for "hypercalls", the time per round trip.
 * Not part of lguest itself: a test tool, built by tests/run.sh.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include "lguest_abi.h"

#define RAM_PAGES    256                /* 1 MiB */
#define DEV_PAGES    16
#define CODE         0x1000             /* the snippet runs here */
#define DATA         0x8000             /* struct lguest_data */
#define SCRATCH      0x9000             /* a page for the snippet */
#define NLOOPS       100000

/* Every snippet starts with LGUEST_INIT, some end with SHUTDOWN. */
#define INIT "movl $0xA000, %esp; movl $1, %eax; movl $0x8000, %ebx;" \
	     "int $0x1f;"
#define OFF  "movl $2, %eax; movl $0x9100, %ebx; movl $1, %ecx; int $0x1f;"
#define SNIPPET(name, code) \
	extern const char s_##name[], e_##name[]; \
	asm(".pushsection .rodata\n s_" #name ":\n" code "\n e_" #name \
	    ":\n .popsection");

SNIPPET(hypercalls, INIT "movl $100000, %ecx; 1: xorl %eax, %eax;"
	"int $0x1f; decl %ecx; jnz 1b;" OFF)
SNIPPET(sysenter, INIT "sysenter")
SNIPPET(ldt, INIT "movl $4, %eax; movw %ax, %ds;" OFF)
SNIPPET(int80, INIT "int $0x80;" OFF)
SNIPPET(int3, INIT "int3;" OFF)
SNIPPET(ud2, INIT "ud2")
SNIPPET(sgdt, INIT "sgdt 0x9000;" OFF)
SNIPPET(sidt, INIT "sidt 0x9000;" OFF)
/* Writes to the address the test put in LG_TARGET (see main). */
SNIPPET(target_write, INIT "movl 0x9700, %ebx; movl $0, (%ebx);" OFF)
SNIPPET(target_read, INIT "movl 0x9700, %ebx; movl (%ebx), %eax;" OFF)
/* Copies the three pages from LG_TARGET on (the Switcher's code, this
 * CPU's register page and state page) to 0x30000, for LG_DUMP. */
SNIPPET(dump3, INIT "movl 0x9700, %esi; movl $0x30000, %edi;"
	"movl $3072, %ecx; cld; rep movsl;" OFF)
SNIPPET(dr0, INIT "movl %dr0, %eax;" OFF)
SNIPPET(high, INIT "movl 0xfffff000, %eax;" OFF)
SNIPPET(beyond, INIT "movl 0x200000, %eax;" OFF)
SNIPPET(mmio, INIT "movl 0x100010, %eax;" OFF)
SNIPPET(nt_ac_flags, INIT "pushfl; orl $0x44000, (%esp); popfl;"
	"movl $1000, %ecx; 1: xorl %eax, %eax; int $0x1f; decl %ecx;"
	"jnz 1b; pushfl; andl $~0x44000, (%esp); popfl;" OFF)
SNIPPET(trapflag, INIT "pushfl; orl $0x100, (%esp); popfl; nop;" OFF)
SNIPPET(iopl, INIT "pushfl; orl $0x3000, (%esp); popfl; cli;" OFF)
SNIPPET(no_init, OFF)
SNIPPET(second_init, INIT INIT OFF)
SNIPPET(bad_hcall, INIT "movl $99, %eax; int $0x1f;" OFF)
SNIPPET(pgdir_bad, INIT "movl $4, %eax; movl $0x123, %ebx; int $0x1f;" OFF)
SNIPPET(async, INIT "movl $2, 0x8058; movl $0x9100, 0x805c; movl $1, 0x8060;"
	"movb $0, 0x8018; xorl %eax, %eax; int $0x1f;"
	"movl $99, %eax; int $0x1f;")
SNIPPET(restart, INIT "movl $2, %eax; movl $0x9100, %ebx; movl $2, %ecx;"
	"int $0x1f;")
SNIPPET(touch, INIT "movl $0x10000, %ebx; 1: movl %ebx, (%ebx);"
	"addl $0x1000, %ebx; cmpl $0x100000, %ebx; jb 1b;" OFF)
SNIPPET(spin, INIT "1: jmp 1b")
/* Traps the guest handles: a gate at VEC whose handler is label 9. */
#define GATE(name, vec) "movl $6, %eax; movl $" #vec ", %ebx;" \
	"movl $(0x610000 + 0x1000 + 9f - s_" #name "), %ecx;" \
	"movl $0xAE00, %edx; int $0x1f;"
#define SAY(msg) "movl $2, %eax; movl $" msg ", %ebx; movl $1, %ecx;" \
	"int $0x1f;"
SNIPPET(idt_ud2, INIT GATE(idt_ud2, 6) "ud2; " SAY("0x9300") "9:" SAY("0x9200"))
SNIPPET(idt_gp, INIT GATE(idt_gp, 13) "movl $4, %eax; movw %ax, %ds;"
	SAY("0x9300") "9: popl %eax; cmpl $4, %eax; jne 8f;" SAY("0x9200")
	"8:" SAY("0x9300"))
SNIPPET(trap_request, INIT GATE(trap_request, 13) "cli;" SAY("0x9300")
	"9:" SAY("0x9200"))
SNIPPET(ts, INIT GATE(ts, 7) "movl $8, %eax; movl $1, %ebx; int $0x1f;"
	"fninit;" SAY("0x9300") "9:" SAY("0x9200"))
SNIPPET(fpu, INIT "fninit; fld1; fld1; faddp; fistpl 0x9400;" OFF)
SNIPPET(bad_idt_type, INIT "movl $6, %eax; movl $6, %ebx; xorl %ecx, %ecx;"
	"movl $0x8500, %edx; int $0x1f;" OFF)
SNIPPET(set_stack, INIT "movl $7, %eax; movl $0x69, %ebx; movl $0xA000, %ecx;"
	"movl $2, %edx; int $0x1f;" OFF)
/* Virtual interrupts: line 0 is the timer, line 1 comes from us. */
SNIPPET(irq_timer, INIT GATE(irq_timer, 32) "movl $0x200, 0x8000;"
	"movl $9, %eax; movl $1000000, %ebx; int $0x1f;"
	"movl $10, %eax; int $0x1f;" SAY("0x9300") "9:" SAY("0x9200"))
SNIPPET(irq_launcher, INIT GATE(irq_launcher, 33) "movl $0x200, 0x8000;"
	"movl $10, %eax; int $0x1f;" SAY("0x9300") "9:" SAY("0x9200"))
SNIPPET(irq_masked, INIT GATE(irq_masked, 33)
	"1: cmpl $0, 0x8014; je 1b; movl $0x200, 0x8000;"
	"movl $19, %eax; int $0x1f;" SAY("0x9300") "9:" SAY("0x9200"))
/* The noirq_iret rule: the timer fires while the guest halts right
 * before its "iret"; the Host must reuse the frame there, not push one. */
SNIPPET(noirq, "movl $(0x1000 + 7f - s_noirq), 0x8560;" INIT GATE(noirq, 32)
	"movl $0x200, 0x8000; pushl $0x202; pushl $0x61;"
	"pushl $(0x1000 + 6f - s_noirq); movl %esp, %edi;"
	"movl $9, %eax; movl $10000000, %ebx; int $0x1f;"
	"movl $10, %eax; int $0x1f; 7: iret; 6:" SAY("0x9300")
	"9: cmpl %edi, %esp; jne 8f;" SAY("0x9200") "8:" SAY("0x9300"))
/* Segments: entry 20 (selector 0xA0), and the TLS entries 6-8. */
#define GDT(n, lo, hi) "movl $18, %eax; movl $" #n ", %ebx; movl $" #lo \
	", %ecx; movl $" #hi ", %edx; int $0x1f;"
SNIPPET(gdt_index, INIT GDT(40, 0, 0) OFF)
/* The guest's own code segment, cut down to 16 bytes under its feet. */
SNIPPET(gdt_tiny_cs, INIT GDT(12, 0x00000010, 0x0040BB00) OFF)
/* SET_PGD naming no page directory at all: an empty slot's key. */
SNIPPET(set_pgd_empty, INIT "movl $15, %eax; movl $0xffffffff, %ebx;"
	"xorl %ecx, %ecx; int $0x1f;" OFF)
SNIPPET(gdt_null_fs, INIT GDT(20, 0x0000FFFF, 0x00CF9300)
	"movl $0xA0, %eax; movw %ax, %fs; xorl %eax, %eax; int $0x1f;"
	"movl $1, %fs:0x9400;" GDT(20, 0, 0) "movw %fs, %ax; testw %ax, %ax;"
	"je 9f;" SAY("0x9300") "9:" SAY("0x9200"))
SNIPPET(gdt_tss, INIT GDT(20, 0x00000067, 0x00008900) "ljmp $0xA1, $0;" OFF)
SNIPPET(gdt_pull_cs, INIT GDT(12, 0, 0) OFF)
SNIPPET(tls, INIT "movl $16, %eax; movl $0x9500, %ebx; int $0x1f;"
	"movl $0x33, %eax; movw %ax, %gs; cmpl $0x1234, %gs:0x600; je 9f;"
	SAY("0x9300") "9:" SAY("0x9200"))
/* Paging: the tool builds page directories A (0x20000) and B (0x23000);
 * both map the first MiB 1:1, and 0x800000 to 0x9000 (A) or 0xB000 (B). */
#define PGTABLE(pd) "movl $4, %eax; movl $" #pd ", %ebx; int $0x1f;"
SNIPPET(paging, INIT PGTABLE(0x20000) "cmpl $0x1234, 0x800600; jne 8f;"
	PGTABLE(0x23000) "cmpl $0x5678, 0x800600; jne 8f;"
	PGTABLE(0x20000) "cmpl $0x1234, 0x800600; jne 8f;"
	"movl $7, 0x800604; movl 0x22000, %eax; andl $0x60, %eax;"
	"cmpl $0x60, %eax; jne 8f; movl $0, 0x22000;"
	"movl $14, %eax; movl $0x20000, %ebx; movl $0x800000, %ecx;"
	"xorl %edx, %edx; int $0x1f; movl 0x800600, %eax;"
	"8:" SAY("0x9300"))
SNIPPET(paging_io, INIT PGTABLE(0x20000) "cli;" OFF)
SNIPPET(paging_pse, INIT PGTABLE(0x20000) "movl 0xC00000, %eax;" OFF)
SNIPPET(paging_mmio, INIT PGTABLE(0x20000) "movl 0x400010, %eax;" OFF)
SNIPPET(paging_pf, INIT PGTABLE(0x20000) GATE(paging_pf, 14)
	"movl 0x1000000, %eax;" SAY("0x9300")
	"9: cmpl $0x1000000, 0x8008; jne 8f; popl %eax; cmpl $0, %eax;"
	"jne 8f;" SAY("0x9200") "8:" SAY("0x9300"))
/* Hostile gates and segments: each tries to reach ring 0. */
#define GATE_SEL(name, vec, sel, type) "movl $6, %eax; movl $" #vec ", %ebx;" \
	"movl $((" #sel " << 16) + 0x1000 + 9f - s_" #name "), %ecx;" \
	"movl $" #type ", %edx; int $0x1f;"
#define CHECK_CS(sel) "9: movw %cs, %ax; cmpw $" #sel ", %ax; jne 8f;" \
	SAY("0x9200") "8:" SAY("0x9300")
SNIPPET(idt_ring0_int, INIT GATE_SEL(idt_ring0_int, 6, 0x50, 0x8E00) "ud2;"
	SAY("0x9300") CHECK_CS(0x61))
SNIPPET(idt_ring0_trap, INIT GATE_SEL(idt_ring0_trap, 6, 0x60, 0x8F00) "ud2;"
	SAY("0x9300") CHECK_CS(0x61))
SNIPPET(gdt_ring0, INIT GDT(20, 0x0000FFFF, 0x00CF9B00)
	"ljmp $0xA0, $(0x1000 + 9f - s_gdt_ring0);" SAY("0x9300") CHECK_CS(0xA1))
SNIPPET(gdt_ring0_conforming, INIT GDT(20, 0x0000FFFF, 0x00CF9F00)
	"ljmp $0xA0, $(0x1000 + 9f - s_gdt_ring0_conforming);" SAY("0x9300")
	CHECK_CS(0xA1))
SNIPPET(iret_ring0, INIT "pushfl; pushl $0x50; pushl $0; iret;" OFF)
SNIPPET(int_host, INIT "int $0xec;" OFF)
/* int to a vector whose exception has an error code, through a gate of
 * privilege 1: the exit stub must not be reachable (no error code). */
SNIPPET(int_errcode, INIT GATE(int_errcode, 11) "int $11;" OFF "9:" OFF)
SNIPPET(str, INIT "str %ax; cmpw $0x80, %ax; je 9f;" SAY("0x9300")
	"9:" SAY("0x9200"))
SNIPPET(set_stack_bad, INIT "movl $7, %eax; movl $0x68, %ebx;"
	"movl $0xA000, %ecx; movl $2, %edx; int $0x1f;" OFF)

/* LGUEST_INIT naming a lguest_data that runs past the end of guest memory
 * (0x110000): the Host must refuse it before touching it. */
SNIPPET(init_beyond, "movl $0xA000, %esp; movl $1, %eax; movl $0x10fff0, %ebx;"
	"int $0x1f;" OFF)
/* For the lab "hypercall" (tests/labs/): hypercall 3 asks for one of the
 * Host's counters of this guest; counter 0 (shadow faults) must count at
 * least the 16 pages touched first.  Counter 1000 does not exist. */
SNIPPET(own_hcall, INIT "movl $0x10000, %ebx; 1: movl %ebx, (%ebx);"
	"addl $0x1000, %ebx; cmpl $0x20000, %ebx; jb 1b;"
	"movl $3, %eax; xorl %ebx, %ebx; int $0x1f; cmpl $16, %eax; jb 8f;"
	"cmpl $100000, %eax; ja 8f;" SAY("0x9200") "8:" SAY("0x9300"))
SNIPPET(own_hcall_bad, INIT "movl $3, %eax; movl $1000, %ebx; int $0x1f;" OFF)

static const struct { const char *name, *s, *e; } snippets[] = {
#define S(n) { #n, s_##n, e_##n }
	S(hypercalls), S(sysenter), S(ldt), S(int80), S(int3), S(ud2),
	S(gdt_tiny_cs), S(set_pgd_empty), S(sgdt), S(sidt), S(target_write), S(target_read), S(dump3), S(dr0), S(high), S(beyond), S(mmio),
	S(nt_ac_flags), S(trapflag), S(iopl), S(no_init), S(second_init),
	S(bad_hcall), S(pgdir_bad), S(async), S(restart), S(touch), S(spin),
	S(idt_ud2), S(idt_gp), S(trap_request), S(ts), S(fpu),
	S(bad_idt_type), S(set_stack), S(set_stack_bad), S(irq_timer),
	S(irq_launcher), S(irq_masked), S(gdt_index), S(gdt_null_fs),
	S(gdt_tss), S(gdt_pull_cs), S(tls), S(paging), S(paging_io),
	S(paging_pse), S(paging_mmio), S(paging_pf), S(idt_ring0_int),
	S(idt_ring0_trap), S(gdt_ring0), S(gdt_ring0_conforming),
	S(iret_ring0), S(int_host), S(int_errcode), S(str), S(noirq),
	S(init_beyond), S(own_hcall), S(own_hcall_bad),
};

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	unsigned int i;
	char *mem, buf[1024];
	int fd;
	ssize_t r;

	for (i = 0; argc == 2 && i < sizeof(snippets) / sizeof(*snippets); i++)
		if (!strcmp(argv[1], snippets[i].name))
			break;
	if (argc != 2 || i == sizeof(snippets) / sizeof(*snippets)) {
		fprintf(stderr, "usage: lgsnippet NAME\n");
		return 2;
	}
	fd = open("/dev/lguest", O_RDWR);
	mem = mmap(NULL, (RAM_PAGES + DEV_PAGES) * 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (fd < 0 || mem == MAP_FAILED) {
		perror("lgsnippet: /dev/lguest or mmap");
		return 2;
	}
	memcpy(mem + CODE, snippets[i].s, snippets[i].e - snippets[i].s);
	struct lguest_data *d = (void *)(mem + DATA);
	memset(d->hcall_status, LHCALL_SLOT_FREE, sizeof(d->hcall_status));
	d->kernel_address = 0xC0000000;
	d->syscall_vec = 0x80;
	strcpy(mem + SCRATCH + 0x100, "Power down");
	strcpy(mem + SCRATCH + 0x200, "handled");
	strcpy(mem + SCRATCH + 0x300, "not handled");
	for (int j = 0; j < 3; j++) {   /* TLS: flat from 0x9000, DPL 3 */
		*(uint32_t *)(mem + SCRATCH + 0x500 + 8 * j) = 0x9000FFFF;
		*(uint32_t *)(mem + SCRATCH + 0x504 + 8 * j) = 0x00CFF300;
	}
	*(uint32_t *)(mem + SCRATCH + 0x600) = 0x1234;
	if (getenv("LG_TARGET"))        /* an address for target_write */
		*(uint32_t *)(mem + SCRATCH + 0x700) =
			strtoul(getenv("LG_TARGET"), NULL, 0);
	*(uint32_t *)(mem + 0xB600) = 0x5678;
	uint32_t *pd_a = (void *)(mem + 0x20000), *pd_b = (void *)(mem + 0x23000);
	pd_a[0] = pd_b[0] = 0x21000 | 7;        /* the first MiB, 1:1 */
	for (int j = 0; j < RAM_PAGES; j++)
		((uint32_t *)(mem + 0x21000))[j] = (j << 12) | 3;
	pd_a[2] = 0x22000 | 7;                  /* 0x800000 -> 0x9000 */
	*(uint32_t *)(mem + 0x22000) = 0x9000 | 3;
	pd_b[2] = 0x24000 | 7;                  /* 0x800000 -> 0xB000 */
	*(uint32_t *)(mem + 0x24000) = 0xB000 | 3;
	pd_a[3] = 0x00000083;                   /* a large page: refused */
	pd_a[1] = 0x25000 | 7;                  /* 0x400000 -> device page */
	*(uint32_t *)(mem + 0x25000) = (RAM_PAGES << 12) | 3;
	uint32_t init[5] = { LHREQ_INITIALIZE, (uint32_t)(uintptr_t)mem,
			     RAM_PAGES, CODE, RAM_PAGES + DEV_PAGES };
	if (write(fd, init, sizeof(init)) != 16) {
		perror("lgsnippet: INITIALIZE");
		return 2;
	}
	if (!strcmp(argv[1], "irq_launcher") || !strcmp(argv[1], "irq_masked")) {
		if (fork() == 0) {      /* raise line 1 a little later */
			uint32_t irq[2] = { LHREQ_IRQ, 1 };

			usleep(200000);
			_exit(write(fd, irq, sizeof(irq)) == 0 ? 0 : 1);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = read(fd, buf, sizeof(buf));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (r == sizeof(struct lguest_pending) &&
	    !strcmp(argv[1], "trap_request")) {
		uint32_t trap[2] = { LHREQ_TRAP, 13 };

		if (write(fd, trap, sizeof(trap)) != 0)
			perror("lgsnippet: TRAP");
		r = read(fd, buf, sizeof(buf));
	}
	if (r < 0 && errno == ENOENT)
		r = read(fd, buf, sizeof(buf));
	if (r == sizeof(struct lguest_pending)) {
		struct lguest_pending *p = (void *)buf;
		printf("exit: trap %u insn %02x %02x %02x addr %#x\n", p->trap,
		       p->insn[0], p->insn[1], p->insn[2], p->addr);
	} else if (r > 0) {
		printf("dead: %s\n", buf);
	} else if (errno == ERESTART) {
		printf("restart\n");
	} else {
		printf("read: %s\n", strerror(errno));
		return 1;
	}
	if (!strcmp(argv[1], "hypercalls"))
		printf("%d hypercalls: %.2f us each\n", NLOOPS,
		       ((t1.tv_sec - t0.tv_sec) * 1e9
			+ (t1.tv_nsec - t0.tv_nsec)) / 1e3 / NLOOPS);
	if (!strcmp(argv[1], "fpu"))
		printf("1 + 1 = %d\n", *(int32_t *)(mem + SCRATCH + 0x400));
	if (getenv("LG_DUMP")) {        /* what dump3 copied, to a file */
		FILE *f = fopen(getenv("LG_DUMP"), "w");

		if (!f || fwrite(mem + 0x30000, 4096, 3, f) != 3 || fclose(f))
			perror("lgsnippet: LG_DUMP");
	}
	if (getenv("LG_HOLD")) {        /* stay alive until killed */
		fflush(stdout);
		pause();
	}
	return 0;
}
