/*
 * sigdfl: run a command with SIGINT and SIGQUIT back at their default
 * dispositions.  A script's background job starts with both ignored (and
 * execve keeps "ignored"), so without this a test could not show that
 * SIGINT stops a Launcher.  Not part of lguest: a test tool.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: sigdfl COMMAND [ARG...]\n");
		return 2;
	}
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	execvp(argv[1], argv + 1);
	perror(argv[1]);
	return 127;
}
