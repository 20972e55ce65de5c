/*
 * lgdev: poke /dev/lguest with well-formed and malformed requests and check
 * the errors the Host documents (see "Writing requests" in lguest.nw).
 * Prints one "ok"/"not ok" line per check; exits 1 if any check failed.
 * Not part of lguest itself: a test tool, built by tests/run.sh.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lguest_abi.h"

static int failures;

static void check(int cond, const char *what)
{
	printf("%s - %s\n", cond ? "ok" : "not ok", what);
	if (!cond)
		failures++;
}

/* Write LEN bytes of WORDS at file offset OFF; return errno or 0. */
static int put(int fd, const void *words, size_t len, off_t off,
	       ssize_t *ret)
{
	ssize_t r = pwrite(fd, words, len, off);

	if (ret)
		*ret = r;
	return r < 0 ? errno : 0;
}

static void expect_err(int fd, const uint32_t *w, size_t len, int err,
		       const char *what)
{
	char msg[200];
	int got = put(fd, w, len, 0, NULL);

	snprintf(msg, sizeof(msg), "%s: %s (got %s)", what, strerror(err),
		 got ? strerror(got) : "success");
	check(got == err, msg);
}

int main(void)
{
	int fd = open("/dev/lguest", O_RDWR);
	size_t pages = 64, ram = 32;
	char *mem;
	ssize_t r;

	if (fd < 0) {
		perror("open /dev/lguest");
		return 1;
	}
	mem = mmap(NULL, pages * 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	uint32_t base = (uint32_t)(uintptr_t)mem;
	uint32_t good[5] = { LHREQ_INITIALIZE, base, ram, 0x1000, pages };
	uint32_t w[5];

	expect_err(fd, good, 2, EINVAL, "2-byte write");
	expect_err(fd, good, 4, EINVAL, "INITIALIZE without arguments");
	expect_err(fd, good, 16, EINVAL, "INITIALIZE with 3 arguments");
	void *hole = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
			  -1, 0);
	check(put(fd, hole, 20, 0, NULL) == EFAULT, "unreadable buffer: EFAULT");
	w[0] = 99;
	expect_err(fd, w, 4, EINVAL, "unknown request before INITIALIZE");
	w[0] = LHREQ_IRQ; w[1] = 0;
	expect_err(fd, w, 8, EINVAL, "IRQ before INITIALIZE");

#define BAD(i, v, what) do { memcpy(w, good, sizeof(w)); w[i] = (v); \
		expect_err(fd, w, sizeof(w), EINVAL, what); } while (0)
	BAD(1, base + 12, "INITIALIZE with unaligned base");
	BAD(1, 0, "INITIALIZE with base 0");
	BAD(2, 0, "INITIALIZE with no RAM");
	BAD(2, pages + 1, "INITIALIZE with RAM beyond device_limit");
	BAD(4, 0xFFFFF, "INITIALIZE with a huge device_limit");
	BAD(1, 0xFFFFF000, "INITIALIZE with base at the top of memory");
	BAD(3, ram * 4096, "INITIALIZE with entry outside RAM");

	r = 0;
	check(put(fd, good, sizeof(good), 0, &r) == 0 && r == 16,
	      "good INITIALIZE returns 16");
	expect_err(fd, good, sizeof(good), EBUSY, "second INITIALIZE");
	w[0] = 99;
	expect_err(fd, w, 4, EINVAL, "unknown request");
	for (uint32_t obsolete = 1; obsolete <= 4; obsolete += 2) {
		w[0] = obsolete; w[1] = 0;
		expect_err(fd, w, 8, EINVAL, obsolete == 1 ? "GETDMA" : "BREAK");
	}
	w[0] = LHREQ_EVENTFD;
	expect_err(fd, w, 12, EINVAL, "EVENTFD");
	w[0] = LHREQ_IRQ; w[1] = 0;
	check(put(fd, w, 8, 1, NULL) == EINVAL, "IRQ to vCPU 1: EINVAL");

	/* Ours: exits with the registers; several registers at once. */
	w[0] = LHREQ_EXITREGS;
	check(put(fd, w, 4, 0, &r) == 0 && r == 4, "EXITREGS returns 4");
	uint32_t sr[8] = { LHREQ_SETREGS, 3, LGUEST_REG_EAX, 0x1234,
			   LGUEST_REG_EBX, 0x5678, LGUEST_REG_ECX, 0x9ABC };
	uint32_t none[2] = { LHREQ_SETREGS, 0 };
	check(put(fd, none, 8, 0, &r) == 0 && r == 8, "SETREGS of none: 8");
	expect_err(fd, sr, 24, EINVAL, "SETREGS of 3, 2 given");
	sr[1] = 18;
	expect_err(fd, sr, 28, EINVAL, "SETREGS of 18");
	sr[1] = 2; sr[4] = LGUEST_REG_CS;
	expect_err(fd, sr, 24, ENOENT, "SETREGS with a read-only register");
	uint32_t get[2] = { LHREQ_GETREG, LGUEST_REG_EAX }, val = 0;
	check(put(fd, get, 8, 0, NULL) == 0 && read(fd, &val, 4) == 4 &&
	      val != 0x1234, "a refused SETREGS changes nothing");
	sr[4] = LGUEST_REG_EBX;
	check(put(fd, sr, 24, 0, &r) == 0 && r == 24, "SETREGS of 2: 24");
	check(put(fd, get, 8, 0, NULL) == 0 && read(fd, &val, 4) == 4 &&
	      val == 0x1234, "SETREGS set eax");

	/* Another task may not run the guest. */
	pid_t pid = fork();
	if (pid == 0) {
		char buf[64];
		_exit(read(fd, buf, sizeof(buf)) < 0 && errno == EPERM ? 0 : 1);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "read() from another process: EPERM");

	/* ...nor touch its registers or hand it traps; IRQs are fine. */
	pid = fork();
	if (pid == 0) {
		uint32_t get[2] = { LHREQ_GETREG, LGUEST_REG_EAX };
		uint32_t set[3] = { LHREQ_SETREG, LGUEST_REG_EAX, 1 };
		uint32_t trap[2] = { LHREQ_TRAP, 13 };
		uint32_t irq[2] = { LHREQ_IRQ, 1 };
		uint32_t sets[4] = { LHREQ_SETREGS, 1, LGUEST_REG_EAX, 1 };
		_exit(put(fd, get, sizeof(get), 0, NULL) == EPERM &&
		      put(fd, set, sizeof(set), 0, NULL) == EPERM &&
		      put(fd, sets, sizeof(sets), 0, NULL) == EPERM &&
		      put(fd, trap, sizeof(trap), 0, NULL) == EPERM &&
		      put(fd, irq, sizeof(irq), 0, NULL) == 0 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "GETREG, SETREG(S), TRAP from another process: EPERM; IRQ: 0");

	close(fd);
	printf("%d failed\n", failures);
	return failures ? 1 : 0;
}
