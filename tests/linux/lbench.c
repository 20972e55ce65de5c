/* lbench [-e ENV] [-r REPEATS] [-t MSEC] [-c CPU | -a] BENCH...: benchmarks
 * of what a guest kernel does most, run by make bench on the QEMU host
 * itself and inside the Linux guest under lguest, so that the two can be
 * compared (tests/bench/70-linux-lbench.sh).  The benchmarks:
 *
 *   getppid    a system call round trip                   (us per call)
 *   pagefault  mmap 4 MiB anonymous, write each page once, munmap
 *                                                         (us per page)
 *   pipe       one byte to another process through a pipe and back
 *                                                         (us per round trip)
 *   ctxsw      two processes on one CPU hand it to each other: each
 *              sets a word in a shared page for the other, wakes it
 *              (futex) and sleeps until the other has set it back
 *                                                         (us per switch)
 *   fork       fork, the child _exits at once, waitpid    (us per fork)
 *   ptring     8 processes in a ring pass a token through pipes; on its
 *              turn each writes to each of its 256 pages (1 MiB), then
 *              passes the token on: many address spaces, many pages
 *                                                         (us per turn)
 *   all        all of them, in this order
 *
 * Each benchmark runs REPEATS times (default 5); a repeat runs batches of
 * growing size until MSEC milliseconds (default 300) have passed and gives
 * the mean time of one operation over all of its batches.  Everything is
 * pinned to one CPU, CPU 0 unless -c says another (-a: not pinned), so that
 * the QEMU host, which has two CPUs, compares fairly with the guest, which
 * has one; make bench pins the native run to the CPU the guest runs on.
 * Output, one line each, machine-readable:
 *
 *   LBENCH-INFO ENV kernel=RELEASE cpus=N pinned=CPU|no clock=SOURCE
 *   LBENCH ENV BENCH REP VALUE UNIT OPS SECONDS
 *
 * (OPS: operations done in that repeat).  Exits 1 if a system call fails.  Built static for i386;
 * runs only in the QEMU VM and in the Linux guest, never on the build
 * machine. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RING_PROCS 8
#define RING_PAGES 256
#define FAULT_CHUNK 1024	/* pages mapped at once by pagefault */

static const char *env = "here";
static double target = 0.3;	/* seconds per repeat */
static long page_size;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static void die(const char *what)
{
	fprintf(stderr, "lbench: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void put(int fd, const void *b, size_t n)
{
	if (write(fd, b, n) != (ssize_t)n)
		die("write");
}

static void get(int fd, void *b, size_t n)
{
	if (read(fd, b, n) != (ssize_t)n)
		die("read");
}

/* measure: run batch(n) with growing n (from first) until secs seconds
 * have passed; the total time, and in *ops the operations done. */
static double measure(void (*batch)(long), long first, double secs,
		      long *ops)
{
	double t0 = now(), t;
	long n = first;

	*ops = 0;
	for (;;) {
		batch(n);
		*ops += n;
		t = now() - t0;
		if (t >= secs)
			return t;
		/* Aim at the time left, at most doubling: a coarse
		 * clock may still read almost nothing. */
		if (t > secs / 8 && (secs - t) * *ops / t * 1.05 + 1 < 2.0 * n)
			n = (long)((secs - t) * *ops / t * 1.05) + 1;
		else
			n *= 2;
	}
}

/* --- getppid -------------------------------------------------------- */

static void getppid_batch(long n)
{
	while (n--)
		syscall(SYS_getppid);
}

/* --- pagefault ------------------------------------------------------ */

static void fault_batch(long n)
{
	while (n > 0) {
		long k = n < FAULT_CHUNK ? n : FAULT_CHUNK, i;
		char *p = mmap(NULL, k * page_size, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			die("mmap");
		for (i = 0; i < k; i++)
			p[i * page_size] = 1;
		if (munmap(p, k * page_size))
			die("munmap");
		n -= k;
	}
}

/* --- pipe ----------------------------------------------------------- */

static int to_child[2], from_child[2];
static pid_t echo_pid;

/* A child that sends back each byte it gets, until end of file. */
static void echo_start(void)
{
	char c;

	if (pipe(to_child) || pipe(from_child))
		die("pipe");
	echo_pid = fork();
	if (echo_pid < 0)
		die("fork");
	if (echo_pid == 0) {
		close(to_child[1]);
		close(from_child[0]);
		while (read(to_child[0], &c, 1) == 1)
			put(from_child[1], &c, 1);
		_exit(0);
	}
	close(to_child[0]);
	close(from_child[1]);
}

static void echo_stop(void)
{
	close(to_child[1]);
	close(from_child[0]);
	waitpid(echo_pid, NULL, 0);
}

static void pipe_batch(long n)
{
	char c = 'x';

	while (n--) {
		put(to_child[1], &c, 1);
		get(from_child[0], &c, 1);
	}
}

/* --- ctxsw ---------------------------------------------------------- */

/* A word in a page shared by two processes says whose turn it is: 1 the
 * child's, 0 ours.  Each sets it for the other, wakes the other and sleeps
 * on it until it is its turn again; on one CPU, each hand-over is one
 * switch. */
static volatile int *turn;
static pid_t futex_pid;

static void futex_call(int op, int val)
{
	if (syscall(SYS_futex, turn, op, val, NULL, NULL, 0) < 0 &&
	    errno != EAGAIN && errno != EINTR)
		die("futex");
}

/* hand_over TO: give the turn to TO, wait until it is ours (!TO) again. */
static void hand_over(int to)
{
	*turn = to;
	futex_call(FUTEX_WAKE, 1);
	while (*turn == to)
		futex_call(FUTEX_WAIT, to);
}

static void futex_start(void)
{
	turn = mmap(NULL, page_size, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (turn == MAP_FAILED)
		die("mmap");
	*turn = 0;
	futex_pid = fork();
	if (futex_pid < 0)
		die("fork");
	if (futex_pid == 0) {
		for (;;) {
			while (*turn == 0)
				futex_call(FUTEX_WAIT, 0);
			if (*turn < 0)
				_exit(0);
			hand_over(0);
		}
	}
}

/* Each round is two switches: to the child and back. */
static void futex_batch(long n)
{
	while (n--)
		hand_over(1);
}

static void futex_stop(void)
{
	*turn = -1;
	futex_call(FUTEX_WAKE, 1);
	waitpid(futex_pid, NULL, 0);
	munmap((void *)turn, page_size);
}

/* --- fork ----------------------------------------------------------- */

static void fork_batch(long n)
{
	pid_t pid;

	while (n--) {
		pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0)
			_exit(0);
		if (waitpid(pid, NULL, 0) != pid)
			die("waitpid");
	}
}

/* --- ptring ---------------------------------------------------------- */

static int ring[RING_PROCS][2], ring_done[2];
static pid_t ring_pid[RING_PROCS];

/* Member k of the ring: touch its pages at once (so that the timed turns
 * only write to present pages), say it is ready, then take turns until
 * the token is negative.  A token counts the turns still to be taken;
 * whoever takes the last one tells the parent. */
static void ring_member(int k)
{
	char *p = mmap(NULL, RING_PAGES * page_size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long i, t;

	if (p == MAP_FAILED)
		die("mmap");
	for (i = 0; i < RING_PAGES; i++)
		p[i * page_size] = 1;
	put(ring_done[1], "r", 1);
	for (;;) {
		get(ring[k][0], &t, sizeof(t));
		if (t < 0)
			_exit(0);
		for (i = 0; i < RING_PAGES; i++)
			p[i * page_size]++;
		if (--t == 0)
			put(ring_done[1], "d", 1);
		else
			put(ring[(k + 1) % RING_PROCS][1], &t, sizeof(t));
	}
}

static void ring_start(void)
{
	char c;
	int k;

	if (pipe(ring_done))
		die("pipe");
	for (k = 0; k < RING_PROCS; k++)
		if (pipe(ring[k]))
			die("pipe");
	for (k = 0; k < RING_PROCS; k++) {
		ring_pid[k] = fork();
		if (ring_pid[k] < 0)
			die("fork");
		if (ring_pid[k] == 0)
			ring_member(k);
	}
	for (k = 0; k < RING_PROCS; k++)
		get(ring_done[0], &c, 1);
}

static void ring_batch(long n)
{
	char c;

	put(ring[0][1], &n, sizeof(n));
	get(ring_done[0], &c, 1);
}

static void ring_stop(void)
{
	long stop = -1;
	int k;

	for (k = 0; k < RING_PROCS; k++)
		put(ring[k][1], &stop, sizeof(stop));
	for (k = 0; k < RING_PROCS; k++) {
		waitpid(ring_pid[k], NULL, 0);
		close(ring[k][0]);
		close(ring[k][1]);
	}
	close(ring_done[0]);
	close(ring_done[1]);
}

/* --- one repeat of each --------------------------------------------- */

/* Each returns the time of one operation in seconds; *ops as measure. */
static double rep_getppid(long *ops)
{
	return measure(getppid_batch, 1000, target, ops) / *ops;
}

static double rep_pagefault(long *ops)
{
	return measure(fault_batch, 256, target, ops) / *ops;
}

static double rep_pipe(long *ops)
{
	double t;

	echo_start();
	t = measure(pipe_batch, 100, target, ops);
	echo_stop();
	return t / *ops;
}

static double rep_ctxsw(long *ops)
{
	double t;

	futex_start();
	t = measure(futex_batch, 100, target, ops);
	futex_stop();
	*ops *= 2;
	return t / *ops;
}

static double rep_fork(long *ops)
{
	return measure(fork_batch, 4, target, ops) / *ops;
}

static double rep_ptring(long *ops)
{
	double t;

	ring_start();
	t = measure(ring_batch, RING_PROCS, target, ops);
	ring_stop();
	return t / *ops;
}

static const struct bench {
	const char *name, *unit;
	double (*rep)(long *ops);
} benches[] = {
	{ "getppid", "us/call", rep_getppid },
	{ "pagefault", "us/page", rep_pagefault },
	{ "pipe", "us/round-trip", rep_pipe },
	{ "ctxsw", "us/switch", rep_ctxsw },
	{ "fork", "us/fork", rep_fork },
	{ "ptring", "us/turn", rep_ptring },
};
#define NBENCH (sizeof(benches) / sizeof(benches[0]))

static void run(const struct bench *b, int repeats)
{
	double t0, v;
	long ops;
	int r;

	for (r = 1; r <= repeats; r++) {
		t0 = now();
		v = b->rep(&ops);
		printf("LBENCH %s %s %d %.4g %s %ld %.3f\n", env, b->name, r,
		       v * 1e6, b->unit, ops, now() - t0);
		fflush(stdout);
	}
}

static void info(int cpu)
{
	char clock[64] = "unknown";
	struct utsname u;
	FILE *f;

	f = fopen("/sys/devices/system/clocksource/clocksource0/"
		  "current_clocksource", "r");
	if (f) {
		if (fscanf(f, "%63s", clock) != 1)
			strcpy(clock, "unknown");
		fclose(f);
	}
	uname(&u);
	printf("LBENCH-INFO %s kernel=%s cpus=%ld pinned=", env, u.release,
	       sysconf(_SC_NPROCESSORS_ONLN));
	printf(cpu < 0 ? "no" : "%d", cpu);
	printf(" clock=%s\n", clock);
	fflush(stdout);
}

static void usage(void)
{
	unsigned int i;

	fprintf(stderr, "usage: lbench [-e ENV] [-r REPEATS] [-t MSEC] "
		"[-c CPU | -a] BENCH...\nbenchmarks: all");
	for (i = 0; i < NBENCH; i++)
		fprintf(stderr, " %s", benches[i].name);
	fprintf(stderr, "\n");
	exit(2);
}

int main(int argc, char *argv[])
{
	int opt, repeats = 5, cpu = 0, a, found;
	unsigned int i;
	cpu_set_t cpus;

	while ((opt = getopt(argc, argv, "e:r:t:c:a")) != -1) {
		switch (opt) {
		case 'e': env = optarg; break;
		case 'r': repeats = atoi(optarg); break;
		case 't': target = atoi(optarg) / 1000.0; break;
		case 'c': cpu = atoi(optarg); break;
		case 'a': cpu = -1; break;
		default: usage();
		}
	}
	if (optind == argc || repeats < 1 || target <= 0)
		usage();
	page_size = sysconf(_SC_PAGESIZE);
	if (cpu >= CPU_SETSIZE)
		usage();
	if (cpu >= 0) {
		CPU_ZERO(&cpus);
		CPU_SET(cpu, &cpus);
		if (sched_setaffinity(0, sizeof(cpus), &cpus))
			die("sched_setaffinity");
	}
	info(cpu);
	for (a = optind; a < argc; a++) {
		found = 0;
		for (i = 0; i < NBENCH; i++) {
			if (strcmp(argv[a], "all") == 0 ||
			    strcmp(argv[a], benches[i].name) == 0) {
				run(&benches[i], repeats);
				found = 1;
			}
		}
		if (!found)
			usage();
	}
	return 0;
}
