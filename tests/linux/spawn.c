/* spawn N: fork N children one after another; each execs this program
 * again as "spawn -x K" (K = its number modulo 200), which exits with
 * status K, and the parent checks that it got exactly K back.  Prints
 * "spawn: N processes, S s" and exits 0 when all were right.
 * Built static for i386; runs in the Linux guest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	struct timespec t0, t1;
	char code[8];
	int i, n, st;
	pid_t pid;

	if (argc == 3 && strcmp(argv[1], "-x") == 0)
		return atoi(argv[2]);
	if (argc != 2 || (n = atoi(argv[1])) <= 0) {
		fprintf(stderr, "usage: spawn N\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		snprintf(code, sizeof(code), "%d", i % 200);
		pid = fork();
		if (pid < 0) {
			perror("spawn: fork");
			return 1;
		}
		if (pid == 0) {
			execl("/proc/self/exe", "spawn", "-x", code, NULL);
			perror("spawn: exec");
			_exit(255);
		}
		if (waitpid(pid, &st, 0) != pid) {
			perror("spawn: waitpid");
			return 1;
		}
		if (!WIFEXITED(st) || WEXITSTATUS(st) != i % 200) {
			fprintf(stderr, "spawn: child %d: status %#x, "
				"expected exit %d\n", i, st, i % 200);
			return 1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("spawn: %d processes, %.2f s\n", n, (t1.tv_sec - t0.tv_sec)
	       + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
