/*
 * lginit: LHREQ_INITIALIZE over memory that is not all there, for the lab
 * init-range (exercise M:050, tests/labs/init-range/).  Maps 64 pages (32
 * of RAM, 32 of device area), takes one page away and says what the Host
 * answered:
 *   lginit mapped        nothing taken away: must succeed (16)
 *   lginit hole-ram      page 10 unmapped: must be refused with EFAULT
 *   lginit hole-devices  page 40 unmapped: EFAULT
 *   lginit past-end      the range is one page longer than the mapping: EFAULT
 * Prints "ok WHAT" or "not ok WHAT: ..." and exits 0 or 1.
 * Not part of lguest itself: a test tool, built by tests/run.sh.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "lguest_abi.h"

#define PAGES 64
#define RAM   32

int main(int argc, char **argv)
{
	const char *what = argc == 2 ? argv[1] : "";
	int want = EFAULT, fd = open("/dev/lguest", O_RDWR);
	uint32_t pages = PAGES;
	char *mem = mmap(NULL, (PAGES + 1) * 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (fd < 0 || mem == MAP_FAILED) {
		perror("lginit: /dev/lguest or mmap");
		return 2;
	}
	munmap(mem + PAGES * 4096, 4096);       /* nothing right after it */
	if (!strcmp(what, "mapped"))
		want = 0;
	else if (!strcmp(what, "hole-ram"))
		munmap(mem + 10 * 4096, 4096);
	else if (!strcmp(what, "hole-devices"))
		munmap(mem + 40 * 4096, 4096);
	else if (!strcmp(what, "past-end"))
		pages = PAGES + 1;
	else {
		fprintf(stderr, "usage: lginit mapped|hole-ram|hole-devices|past-end\n");
		return 2;
	}
	uint32_t w[5] = { LHREQ_INITIALIZE, (uint32_t)(uintptr_t)mem, RAM,
			  0x1000, pages };
	ssize_t r = write(fd, w, sizeof(w));
	int got = r < 0 ? errno : 0;

	if (got == want && (got || r == 16)) {
		printf("ok %s: %s\n", what, got ? strerror(got) : "accepted");
		return 0;
	}
	printf("not ok %s: got %s, want %s\n", what,
	       got ? strerror(got) : "success", want ? strerror(want) : "success");
	return 1;
}
