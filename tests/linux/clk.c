/* clk: print the wall clock and the time since boot, in seconds with
 * microseconds: "REALTIME BOOTTIME".  Built static for i386; runs in the
 * test VM and in the Linux guest (the clock test compares the two). */
#include <stdio.h>
#include <time.h>

static double secs(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

int main(void)
{
	printf("%.6f %.6f\n", secs(CLOCK_REALTIME), secs(CLOCK_BOOTTIME));
	return 0;
}
