/* lstamp [-r] CMD [ARGS...]: run CMD with its standard output and error
 * into a pipe, and print each line it writes prefixed by the time it
 * arrived: seconds since lstamp started (monotonic clock), or with -r the
 * wall clock.  Standard input is CMD's.  Exits with CMD's status (128 +
 * the signal if it was killed).  Built static for i386; runs in the test
 * VM, e.g. to time a Linux guest's boot to "@@GUEST-INIT". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static struct timespec start;
static int wall;

static double stamp(void)
{
	struct timespec t;

	clock_gettime(wall ? CLOCK_REALTIME : CLOCK_MONOTONIC, &t);
	if (wall)
		return t.tv_sec + t.tv_nsec / 1e9;
	return (t.tv_sec - start.tv_sec) + (t.tv_nsec - start.tv_nsec) / 1e9;
}

int main(int argc, char *argv[])
{
	static char line[65536];
	size_t len = 0;
	int fds[2], st;
	char c;
	pid_t pid;

	clock_gettime(CLOCK_MONOTONIC, &start);
	if (argc > 1 && strcmp(argv[1], "-r") == 0)
		wall = 1, argv++, argc--;
	if (argc < 2) {
		fprintf(stderr, "usage: lstamp [-r] CMD [ARGS...]\n");
		return 2;
	}
	if (pipe(fds) != 0 || (pid = fork()) < 0) {
		perror("lstamp");
		return 2;
	}
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	close(fds[1]);
	/* One byte at a time: a line is stamped when its end arrives. */
	while (read(fds[0], &c, 1) == 1) {
		if (c != '\n' && len < sizeof(line) - 1) {
			line[len++] = c;
			continue;
		}
		line[len] = '\0';
		printf("%.3f %s\n", stamp(), line);
		fflush(stdout);
		len = 0;
	}
	if (len) {
		line[len] = '\0';
		printf("%.3f %s\n", stamp(), line);
	}
	if (waitpid(pid, &st, 0) != pid)
		return 2;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
