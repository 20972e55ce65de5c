/*
 * lgfuzz: fuzz /dev/lguest from the Launcher's side (see "Writing requests"
 * and "Reading runs the guest" in lguest.nw).
 *
 *   lgfuzz SEED ROUNDS [OPS]
 *
 * Each round opens /dev/lguest, maps some guest memory holding a tiny guest
 * that loops making exits (port I/O, a device access, hypercalls, a halt),
 * or random bytes, and makes OPS random operations (default 300): writes of
 * every request number and of random lengths and words, at random file
 * offsets, from unreadable buffers too; reads of random sizes (which run the
 * guest; a 2 ms interval timer interrupts them); now and then a forked child
 * that pokes the same file, or the guest memory made read-only.  A second
 * thread makes random writes at the same time, and at a random moment closes
 * the file under both of them.
 *
 * Checked: every call fails only with an errno the Host documents (or EBADF
 * after the close), every success returns the size the protocol promises,
 * (EXITREGS its request word, SETREGS its count and pairs), at most one
 * INITIALIZE per file succeeds, and GETREG, SETREG, TRAP, EXITREGS and
 * SETREGS never succeed from a thread other than the one that initialised
 * the guest.  Prints "not ok" lines and a summary; exits 1 if any check failed.
 * Not part of lguest itself: a test tool, built by tests/run.sh.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lguest_abi.h"

#ifndef ERESTART
#define ERESTART 85
#endif
#define MAX_PAGES 80                    /* guest memory mapped per round */

/* A guest that keeps the Launcher busy: INIT, then port I/O, a load from
 * the device area, a hypercall, the clock and a halt, round and round. */
extern const char prog_s[], prog_e[];
asm(".pushsection .rodata\n prog_s:\n"
    "movl $0xA000, %esp; movl $1, %eax; movl $0x8000, %ebx; int $0x1f;"
    "1: outb %al, $0x80; movl 0x48000, %eax; xorl %eax, %eax; int $0x1f;"
    "movl $9, %eax; movl $100000, %ebx; int $0x1f;"
    "movl $10, %eax; int $0x1f; jmp 1b\n"
    " prog_e:\n .popsection");

static int failures;
static unsigned long ops, errs[256], successes;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t xorshift(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static uint32_t below(uint32_t *s, uint32_t n)
{
	return (uint32_t)(((uint64_t)xorshift(s) * n) >> 32);
}

/* The state of one round, shared by both threads. */
static struct {
	int fd;
	char *mem;
	uint32_t pages;
	volatile pid_t owner;           /* tid whose INITIALIZE succeeded */
	volatile int inits;
	volatile int closed;
} r;

static void bad(const char *fmt, uint32_t a, uint32_t b, long c)
{
	pthread_mutex_lock(&lock);
	printf("not ok - ");
	printf(fmt, a, b, c);
	printf("\n");
	failures++;
	pthread_mutex_unlock(&lock);
}

static uint32_t word(uint32_t *s)
{
	static const uint32_t edge[] = {
		0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 16, 31, 32, 44, 48, 64,
		68, 255, 256, 0x1000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
	};

	switch (below(s, 5)) {
	case 0:
		return edge[below(s, sizeof(edge) / sizeof(edge[0]))];
	case 1:
		return (uint32_t)(uintptr_t)r.mem + below(s, 3) * 0x1000;
	case 2:
		return below(s, MAX_PAGES + 2);
	case 3:
		return below(s, 17) * 4;        /* a register offset */
	default:
		return xorshift(s);
	}
}

static pid_t tid(void)
{
	return syscall(SYS_gettid);
}

static int allowed(int e)
{
	return e == EINVAL || e == EFAULT || e == ENOENT || e == EPERM ||
		e == EBUSY || e == EINTR || e == ERESTART || e == ENOMEM ||
		(e == EBADF && r.closed);
}

/* One random write; check its result against the protocol. */
static void fuzz_write(uint32_t *s, int checked)
{
	uint32_t w[17], len, req, i;
	static const uint32_t lens[] = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 12,
					 15, 16, 19, 20, 21, 24, 68 };
	off_t off = below(s, 10) ? 0 : word(s);
	const void *buf = w;
	ssize_t n;

	for (i = 0; i < 17; i++)
		w[i] = word(s);
	req = below(s, 4) ? below(s, LHREQ_SETREGS + 2) : word(s);
	w[0] = req;
	if (req == LHREQ_INITIALIZE && below(s, 2)) {
		w[1] = (uint32_t)(uintptr_t)r.mem;
		w[3] = below(s, 4) ? 0x1000 : word(s);
		w[4] = 1 + below(s, r.pages);
		w[2] = 1 + below(s, w[4]);
	}
	len = lens[below(s, sizeof(lens) / sizeof(lens[0]))];
	if (!below(s, 30))
		buf = below(s, 2) ? NULL : (void *)-4096L;
	n = pwrite(r.fd, buf, len, off);
	__sync_fetch_and_add(&ops, 1);
	if (n < 0) {
		__sync_fetch_and_add(&errs[errno & 255], 1);
		if (!allowed(errno))
			bad("write req %u len %u: errno %ld", req, len, errno);
		return;
	}
	__sync_fetch_and_add(&successes, 1);
	if (req == LHREQ_INITIALIZE) {
		if (n != 16 || __sync_add_and_fetch(&r.inits, 1) > 1)
			bad("INITIALIZE len %u returned %u (inits %ld)", len,
			    (uint32_t)n, r.inits);
		r.owner = tid();
		return;
	}
	if ((req == LHREQ_GETREG && n != 8) || (req == LHREQ_SETREG && n != 12)
	    || ((req == LHREQ_IRQ || req == LHREQ_TRAP) && n != 0) ||
	    (req == LHREQ_EXITREGS && n != 4) ||
	    (req == LHREQ_SETREGS && n != (2 + 2 * (ssize_t)w[1]) * 4) ||
	    req == LHREQ_GETDMA || req == LHREQ_BREAK || req == LHREQ_EVENTFD
	    || req > LHREQ_SETREGS)
		bad("request %u len %u succeeded with %ld", req, len, n);
	if (checked && req >= LHREQ_GETREG && req != LHREQ_IRQ &&
	    r.owner != tid())
		bad("request %u from thread %u, not the owner %ld", req, tid(),
		    r.owner);
}

static void fuzz_read(uint32_t *s)
{
	static const uint32_t sizes[] = { 0, 1, 3, 4, 11, 12, 13, 64, 1024 };
	static char buf[1024];
	uint32_t size = sizes[below(s, sizeof(sizes) / sizeof(sizes[0]))];
	void *p = below(s, 20) ? buf : NULL;
	ssize_t n = read(r.fd, p, size);

	__sync_fetch_and_add(&ops, 1);
	if (n < 0) {
		__sync_fetch_and_add(&errs[errno & 255], 1);
		if (!allowed(errno))
			bad("read size %u: errno %u (%ld)", size, errno, n);
		return;
	}
	__sync_fetch_and_add(&successes, 1);
	if ((uint32_t)n > size)
		bad("read size %u returned %u (%ld)", size, (uint32_t)n, n);
}

/* The other thread: random writes, then the close at a random moment. */
static void *helper(void *arg)
{
	uint32_t s = (uint32_t)(uintptr_t)arg | 1, n = below(&s, 200), i;
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	for (i = 0; i < n; i++)
		fuzz_write(&s, 1);
	if (below(&s, 2)) {
		r.closed = 1;
		close(r.fd);
	}
	return NULL;
}

/* A child that shares the file: some writes and reads, unchecked. */
static void child(uint32_t seed)
{
	struct itimerval it = { { 0, 2000 }, { 0, 2000 } };
	uint32_t s = seed | 1, i;

	if (fork() != 0)
		return;
	setitimer(ITIMER_REAL, &it, NULL);     /* not inherited */
	for (i = 0; i < 20; i++) {
		if (below(&s, 4))
			fuzz_write(&s, 0);
		else
			fuzz_read(&s);
	}
	_exit(0);
}

static void setup_memory(uint32_t *s)
{
	r.pages = 16 + below(s, MAX_PAGES - 16);
	r.mem = mmap(NULL, MAX_PAGES * 4096, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r.mem == MAP_FAILED) {
		perror("lgfuzz: mmap");
		exit(2);
	}
	if (below(s, 4)) {
		struct lguest_data *d = (void *)(r.mem + 0x8000);

		memcpy(r.mem + 0x1000, prog_s, prog_e - prog_s);
		memset(d->hcall_status, LHCALL_SLOT_FREE,
		       sizeof(d->hcall_status));
		d->kernel_address = 0xC0000000;
		d->syscall_vec = 0x80;
	} else {
		for (uint32_t i = 0x1000; i < 0x9000; i += 4)
			*(uint32_t *)(r.mem + i) = xorshift(s);
	}
}

static void round_(uint32_t seed, uint32_t nops)
{
	uint32_t s = seed * 2654435761u | 1, i;
	pthread_t th;

	r.fd = open("/dev/lguest", O_RDWR);
	if (r.fd < 0) {
		perror("lgfuzz: open /dev/lguest");
		exit(2);
	}
	setup_memory(&s);
	r.owner = 0;
	r.inits = 0;
	r.closed = 0;
	pthread_create(&th, NULL, helper, (void *)(uintptr_t)xorshift(&s));
	for (i = 0; i < nops; i++) {
		uint32_t what = below(&s, 100);

		if (what < 55)
			fuzz_write(&s, 1);
		else if (what < 97)
			fuzz_read(&s);
		else if (what < 99)
			child(xorshift(&s));
		else
			mprotect(r.mem, MAX_PAGES * 4096, PROT_READ);
	}
	pthread_join(th, NULL);
	if (!r.closed)
		close(r.fd);
	munmap(r.mem, MAX_PAGES * 4096);
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
}

static void tick(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	uint32_t seed, rounds, nops, i;
	struct sigaction sa = { .sa_handler = tick };
	struct itimerval it = { { 0, 2000 }, { 0, 2000 } };

	if (argc < 3) {
		fprintf(stderr, "usage: lgfuzz SEED ROUNDS [OPS]\n");
		return 2;
	}
	seed = strtoul(argv[1], NULL, 0);
	rounds = strtoul(argv[2], NULL, 0);
	nops = argc > 3 ? strtoul(argv[3], NULL, 0) : 300;
	sigaction(SIGALRM, &sa, NULL);         /* no SA_RESTART: EINTR */
	setitimer(ITIMER_REAL, &it, NULL);
	for (i = 0; i < rounds; i++)
		round_(seed + i, nops);
	printf("lgfuzz: seed %u, %u rounds, %lu calls, %lu succeeded;"
	       " errors:", seed, rounds, ops, successes);
	for (i = 0; i < 256; i++)
		if (errs[i])
			printf(" %s %lu", strerrorname_np(i) ? strerrorname_np(i)
			       : "?", errs[i]);
	printf("\n%d failed\n", failures);
	return failures ? 1 : 0;
}
