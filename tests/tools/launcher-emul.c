/*
 * launcher-emul: the Launcher's loaders and its port/PCI emulation, run
 * natively inside the i386 test VM with no Host: this program includes
 * every .c file of tangle/launcher/ (lguest.c's main() renamed), loads
 * the test guest into guest memory, and then plays the guest's part on
 * the emulated ports:
 * boot parameters, the PCI address register, the host bridge and console
 * headers, BAR sizing, the capability chain, the configuration window (an
 * emerg_wr write must print its character), the writes that must be
 * refused, and the timer's channel 2 (it counts, at the right rate).
 * Prints one "ok"/"not ok" line per check; exits 1 if any failed.
 * Run by tests/cases/22-launcher-emulation.sh.  Not part of lguest itself.
 */
#pragma GCC diagnostic ignored "-Wunused-function"
#define main launcher_main
#include "lguest.c"
#undef main
#include "pci.c"
#include "mmio.c"
#include "virtio.c"
#include "virtqueue.c"
#include "console.c"
#include "block.c"
#include "rng.c"
#include "net.c"

static int fails;
#define T(cond, ...) do { int good_ = (cond); \
	printf(good_ ? "ok - " : "not ok - "); printf(__VA_ARGS__); \
	printf("\n"); fails += !good_; } while (0)

static u32 rd(unsigned slot, unsigned off, unsigned size)
{
	u32 v = 0;

	port_out(0xCF8, 4, 0x80000000u | slot << 11 | off);
	if (!port_in(0xCFC + (off & 3), size, &v))
		return 0xDEADBEEF;
	return v & size_mask(size);
}

static bool wr(unsigned slot, unsigned off, unsigned size, u32 v)
{
	port_out(0xCF8, 4, 0x80000000u | slot << 11 | off);
	return port_out(0xCFC + (off & 3), size, v);
}

/* Channel 2 of the timer: a 16-bit read, low byte first; the time now. */
static u32 pit16(void)
{
	u32 lo = 0, hi = 0;

	port_in(0x42, 1, &lo);
	port_in(0x42, 1, &hi);
	return (lo & 0xFF) | (hi & 0xFF) << 8;
}

static double secs(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* The timer's channel 2 counts down at 1.193182 MHz from what was
 * loaded; a latched count holds still; port 0x61 still reads all ones. */
static void check_pit(void)
{
	u32 a, b, v, ticks;
	double t0, t1;

	port_out(0x43, 1, 0xB0);        /* channel 2, low then high, mode 0 */
	port_out(0x42, 1, 0xFF);
	port_out(0x42, 1, 0xFF);
	t0 = secs();
	a = pit16();
	usleep(10000);
	b = pit16();
	t1 = secs();
	ticks = (a - b) & 0xFFFF;
	if (t1 - t0 < 0.05)
		T(ticks >= 11930 && ticks <= (t1 - t0) * 1193182 + 2,
		  "PIT: %u ticks in %.4f s", ticks, t1 - t0);
	else
		printf("# PIT: %.3f s asleep, rate not checked\n", t1 - t0);
	port_out(0x43, 1, 0x80);        /* latch channel 2 */
	usleep(2000);
	a = pit16();
	b = pit16();
	T(((a - b) & 0xFFFF) >= 2380, "PIT: the latch held %#x, now %#x",
	  a, b);
	port_out(0x43, 1, 0x94);        /* low byte only, mode 2 */
	port_out(0x42, 1, 100);
	port_in(0x42, 1, &v);
	T((v & 0xFF) >= 1 && (v & 0xFF) <= 100, "PIT: mode 2 counts 100..1");
	T(port_in(0x61, 1, &v) && v == 0xFFFFFFFF, "PIT: port 0x61 all ones");
}

int main(int argc, char **argv)
{
	static const u32 chain[5][3] = { { 0x40, 1, 0 }, { 0x50, 2, 56 },
		{ 0x64, 3, 58 }, { 0x84, 5, 0 }, { 0x74, 4, 60 } };
	char *kargs[] = { "test=io", "x=y" };
	u32 entry, end, v, pos, bar;
	int n;

	(void)argc;
	map_guest_memory(8);
	setup_pci();
	setup_console();
	entry = load_kernel(argv[1], &end);
	setup_boot_params(0, 0);
	setup_cmdline(kargs, 2);
	T(entry == 0x100000, "entry point %#x", entry);
	T(!strcmp((char *)guest_base + 0x1000, "test=io x=y"), "command line");
	T(get16(0x206) == 0x207 && *(u32 *)(guest_base + 0x23C) == 1,
	  "boot protocol 0x207, subarch lguest");
	T(*(u8 *)(guest_base + 0x211) == 0x40, "KEEP_SEGMENTS");
	T(*(u32 *)(guest_base + 0x2D8) == 8 << 20, "e820: 8 MiB of RAM");
	T(port_in(0x61, 1, &v) && (v & 0x20), "port 0x61 bit 5");
	T(port_in(0x64, 1, &v) && v == 1, "port 0x64 reads 1");
	T(port_in(0x1234, 2, &v) && v == 0xFFFFFFFF, "unknown port: ones");
	check_pit();
	port_out(0xCFB, 1, 1);
	port_out(0xCF8, 4, 0x80000000);
	T(port_in(0xCF8, 4, &v) && v == 0x80000000, "address reads back");
	T(port_in(0xCFA, 2, &v) && (v & 0xFFFF) == 0x8000, "its high half");
	T(rd(0, 0x0A, 2) == 0x0600 && rd(0, 0, 4) == 0, "host bridge");
	T(rd(1, 0, 4) == 0x10431AF4 && rd(1, 2, 2) == 0x1043, "console id");
	T(rd(1, 8, 4) == 0x07000001 && rd(1, 0x2C, 4) == 0x400000,
	  "console class, revision, subsystem");
	T(rd(1, 6, 2) == 0x10 && rd(1, 0x3C, 1) == 1, "status, irq line");
	T(rd(2, 0, 4) == 0xFFFFFFFF && rd(1, 0x98, 4) == 0xFFFFFFFF,
	  "empty slot and past the config: ones");
	bar = rd(1, 0x10, 4);
	T(bar == (9u << 20), "BAR0 at %#x, above RAM and the gap", bar);
	T(wr(1, 0x10, 4, ~0u) && rd(1, 0x10, 4) == 0xFFFFFF80, "BAR0 size");
	T(wr(1, 0x10, 4, bar) && rd(1, 0x10, 4) == bar, "BAR0 restored");
	T(wr(1, 0x14, 4, ~0u) && rd(1, 0x14, 4) == ~0u, "BAR1 scratch");
	for (pos = rd(1, 0x34, 1), n = 0; n < 5; n++) {
		T(pos == chain[n][0] && rd(1, pos, 1) == 9
		  && rd(1, pos + 3, 1) == chain[n][1]
		  && rd(1, pos + 8, 4) == chain[n][2], "capability at %#x", pos);
		pos = rd(1, pos + 1, 1);
	}
	T(pos == 0 && rd(1, 0x74 + 12, 4) == 12, "chain ends; devcfg 12");
	T(!wr(1, 0, 4, 0) && !wr(1, 4, 4, 0) && wr(1, 4, 2, 6)
	  && rd(1, 4, 2) == 0, "vendor read-only; command 16-bit only");
	T(wr(1, 0x0C, 4, ~0u) && rd(1, 0x0C, 4) == 0xFFFF, "0x0C low half");
	T(!wr(2, 0, 4, 0) && !wr(0, 4, 2, 0), "empty slot, host bridge");
	T(wr(1, 0x88, 1, 0) && wr(1, 0x90, 4, 4) && wr(1, 0x8C, 4, 68),
	  "window: BAR0, 4 bytes at 68 (emerg_wr)");
	fflush(stdout);
	T(wr(1, 0x94, 4, '!'), "emerg_wr write accepted");
	T(wr(1, 0x8C, 4, 66) && !wr(1, 0x94, 4, '?'), "misaligned refused");
	T(wr(1, 0x8C, 4, 72) && !wr(1, 0x94, 4, '?'), "past the end refused");
	T(wr(1, 0x8C, 4, 68) && wr(1, 0x88, 1, 1) && !wr(1, 0x94, 4, '?'),
	  "BAR1 refused");
	T(wr(1, 0x88, 1, 0) && wr(1, 0x90, 4, 3) && !wr(1, 0x94, 4, '?'),
	  "length 3 refused");
	T(wr(1, 0x90, 4, 4) && wr(1, 0x8C, 4, 60) && rd(1, 0x94, 4) == 0
	  && !wr(1, 0x94, 4, 1), "cols/rows read 0, not writable");
	return fails != 0;
}
