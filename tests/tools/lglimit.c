/*
 * lglimit: run a command with RLIMIT_MEMLOCK at KB kilobytes ("unlimited"
 * for none) and without CAP_IPC_LOCK, which would let it lock any amount
 * of memory: dropped from the bounding set and the inheritable set, so
 * that the command, though it runs as root, does not get it back at
 * execve.  For the lab memlock (exercise M:070, tests/labs/memlock/).
 *   lglimit KB|unlimited COMMAND [ARGS...]
 * Not part of lguest itself: a test tool, built by tests/run.sh.
 */
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	struct rlimit rl;

	if (argc < 3) {
		fprintf(stderr, "usage: lglimit KB|unlimited COMMAND [ARGS...]\n");
		return 2;
	}
	rl.rlim_cur = rl.rlim_max = strcmp(argv[1], "unlimited") ?
		strtoul(argv[1], NULL, 0) * 1024 : RLIM_INFINITY;
	if (setrlimit(RLIMIT_MEMLOCK, &rl) ||
	    prctl(PR_CAPBSET_DROP, CAP_IPC_LOCK, 0, 0, 0) ||
	    syscall(SYS_capget, &h, d)) {
		perror("lglimit");
		return 2;
	}
	d[0].inheritable &= ~(1u << CAP_IPC_LOCK);
	d[0].effective &= ~(1u << CAP_IPC_LOCK);
	d[0].permitted &= ~(1u << CAP_IPC_LOCK);
	if (syscall(SYS_capset, &h, d)) {
		perror("lglimit: capset");
		return 2;
	}
	execvp(argv[2], argv + 2);
	perror(argv[2]);
	return 127;
}
