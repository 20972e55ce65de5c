/*
 * lgguests: one process, two guests.  Each LHREQ_INITIALIZE gives its
 * guest a debugfs directory of its own, /sys/kernel/debug/lguest/guests/
 * PID-N (see "One guest's counters" in lguest.nw); the two names differ
 * although the process is the same, and closing a guest's file removes
 * its directory.  Prints one ok/not ok line per check, and every line of
 * the first guest's five files as "FILE NAME VALUE"; exits 1 if any check
 * failed.  Not part of lguest itself: a test tool, built by tests/run.sh.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "lguest_abi.h"

#define GUESTS "/sys/kernel/debug/lguest/guests"

static int failures;

static void check(int cond, const char *what)
{
	printf("%s - %s\n", cond ? "ok" : "not ok", what);
	if (!cond)
		failures++;
}

/* How many directories this process's guests have; the first two names. */
static int my_dirs(char names[2][256])
{
	char prefix[32];
	struct dirent *e;
	DIR *d = opendir(GUESTS);
	int n = 0;

	if (!d)
		return -1;
	snprintf(prefix, sizeof(prefix), "%d-", (int)getpid());
	while ((e = readdir(d)))
		if (!strncmp(e->d_name, prefix, strlen(prefix))) {
			if (n < 2)
				snprintf(names[n], 256, "%s", e->d_name);
			n++;
		}
	closedir(d);
	return n;
}

/* A guest that is initialised and never run: RAM is half of PAGES. */
static int new_guest(void *mem, uint32_t pages)
{
	uint32_t w[5] = { LHREQ_INITIALIZE, (uint32_t)(uintptr_t)mem,
			  pages / 2, 0x1000, pages };
	int fd = open("/dev/lguest", O_RDWR);

	if (fd < 0 || write(fd, w, sizeof(w)) != 16) {
		perror("lgguests: a new guest");
		exit(1);
	}
	return fd;
}

/* Print FILE of guest directory DIR, each line prefixed with FILE. */
static void show(const char *dir, const char *file)
{
	char path[400], line[200];
	FILE *f;

	snprintf(path, sizeof(path), GUESTS "/%s/%s", dir, file);
	f = fopen(path, "r");
	check(f != NULL, path);
	while (f && fgets(line, sizeof(line), f))
		printf("%s %s", file, line);
	if (f)
		fclose(f);
}

int main(void)
{
	static const char *const files[] = {
		"stats", "hypercalls", "traps", "exits", "limits",
	};
	uint32_t pages = 64;
	void *mem = mmap(NULL, pages * 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char names[2][256];
	int a, b, n;
	unsigned int i;

	if (mem == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	a = new_guest(mem, pages);
	b = new_guest(mem, pages);
	n = my_dirs(names);
	check(n == 2, "two guests in one process, two directories");
	check(n == 2 && strcmp(names[0], names[1]) != 0, "with two names");
	for (i = 0; n >= 1 && i < sizeof(files) / sizeof(files[0]); i++)
		show(names[0], files[i]);
	close(a);
	check(my_dirs(names) == 1, "one directory once one guest is closed");
	close(b);
	check(my_dirs(names) == 0, "none once both are closed");
	printf("%d failed\n", failures);
	return failures ? 1 : 0;
}
