/* pattern SEED SIZE: write SIZE bytes (a number, with an optional K or M
 * suffix for KiB or MiB) of a pseudo-random stream fixed by SEED to
 * standard output.  The same SEED and SIZE give the same bytes on the VM
 * and in the guest, so either side can check what the other wrote:
 *	pattern 7 32M | cmp - /tmp/file
 * Built static for i386; runs in the test VM and in the Linux guest. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned long long size_arg(const char *s)
{
	char *end;
	unsigned long long n = strtoull(s, &end, 0);

	if (end == s)
		goto bad;
	if (*end == 'K' || *end == 'k')
		n <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		n <<= 20, end++;
	if (*end == '\0')
		return n;
bad:
	fprintf(stderr, "pattern: '%s' is not a size\n", s);
	exit(2);
}

int main(int argc, char *argv[])
{
	static uint32_t buf[16384];
	unsigned long long left;
	uint64_t x;
	size_t i, n;

	if (argc != 3) {
		fprintf(stderr, "usage: pattern SEED SIZE[K|M]\n");
		return 2;
	}
	/* xorshift64*, never seeded with 0 */
	x = strtoull(argv[1], NULL, 0) * 0x9E3779B97F4A7C15ull + 1;
	left = size_arg(argv[2]);
	while (left) {
		for (i = 0; i < sizeof(buf) / 4; i++) {
			x ^= x >> 12;
			x ^= x << 25;
			x ^= x >> 27;
			buf[i] = (uint32_t)((x * 0x2545F4914F6CDD1Dull) >> 32);
		}
		n = left < sizeof(buf) ? left : sizeof(buf);
		for (i = 0; i < n; ) {
			ssize_t w = write(1, (char *)buf + i, n - i);

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				fprintf(stderr, "pattern: write: %s\n",
					w < 0 ? strerror(errno) : "nothing");
				return 1;
			}
			i += w;
		}
		left -= n;
	}
	return 0;
}
