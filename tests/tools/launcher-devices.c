/*
 * launcher-devices: the Launcher's device model, run natively inside the
 * i386 test VM with no Host and no guest: the MMIO instruction decoder on
 * a table of encodings (prefixes, ModRM, SIB, displacements, immediates,
 * too-short and refused forms), then a block device driven through
 * bar_read()/bar_write() as a driver would: feature negotiation, queue
 * set-up, read/write/flush/get-id requests served from the rings, and each
 * kind of misbehaviour (bad next index, a loop, a buffer outside RAM, a
 * runaway available index, wrong access widths, read-only registers, rings
 * outside RAM), which must leave the backing file untouched.  Prints one
 * "ok"/"not ok" line per check; exits 1 if any failed.
 * Like launcher-emul, it includes every .c file of tangle/launcher/
 * (lguest.c's main() renamed), so the Launcher's static functions are in
 * reach.
 * Run by tests/cases/23-launcher-devices.sh.  Not part of lguest itself.
 */
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-result"
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

struct dcase {
	const char *hex;
	enum decode r;
	int store, size, dsize, reg, len, sign;
	u32 imm;
};

static const struct dcase dcases[] = {
	{ "8b4314",             DECODE_OK, 0, 4, 4, 0, 3, 0, 0 }, /* disp8 */
	{ "8b0424",             DECODE_OK, 0, 4, 4, 0, 3, 0, 0 }, /* SIB */
	{ "8b4c0b10",           DECODE_OK, 0, 4, 4, 1, 4, 0, 0 }, /* SIB+d8 */
	{ "8b9300100000",       DECODE_OK, 0, 4, 4, 2, 6, 0, 0 }, /* disp32 */
	{ "8b1d78563412",       DECODE_OK, 0, 4, 4, 3, 6, 0, 0 }, /* abs */
	{ "8b04257856341200",   DECODE_OK, 0, 4, 4, 0, 7, 0, 0 }, /* SIB, no base */
	{ "89580c",             DECODE_OK, 1, 4, 4, 3, 3, 0, 0 },
	{ "668943fe",           DECODE_OK, 1, 2, 2, 0, 4, 0, 0 },
	{ "8863ff",             DECODE_OK, 1, 1, 1, 4, 3, 0, 0 }, /* %ah */
	{ "8a4314",             DECODE_OK, 0, 1, 1, 0, 3, 0, 0 },
	{ "c7430001000000",     DECODE_OK, 1, 4, 4, -1, 7, 0, 1 },
	{ "66c743160300",       DECODE_OK, 1, 2, 2, -1, 6, 0, 3 },
	{ "c64314ab",           DECODE_OK, 1, 1, 1, -1, 4, 0, 0xab },
	{ "0fb64314",           DECODE_OK, 0, 1, 4, 0, 4, 0, 0 },
	{ "660fb74312",         DECODE_OK, 0, 2, 2, 0, 5, 0, 0 },
	{ "0fbf4310",           DECODE_OK, 0, 2, 4, 0, 4, 1, 0 },
	{ "0fbe0b",             DECODE_OK, 0, 1, 4, 1, 3, 1, 0 },
	{ "a178563412",         DECODE_OK, 0, 4, 4, 0, 5, 0, 0 },
	{ "a278563412",         DECODE_OK, 1, 1, 1, 0, 5, 0, 0 },
	{ "67a17856",           DECODE_OK, 0, 4, 4, 0, 4, 0, 0 },
	{ "678b4704",           DECODE_OK, 0, 4, 4, 0, 4, 0, 0 }, /* [bx]+d8 */
	{ "678b1e3412",         DECODE_OK, 0, 4, 4, 3, 5, 0, 0 }, /* abs16 */
	{ "368b4314",           DECODE_OK, 0, 4, 4, 0, 4, 0, 0 }, /* %ss: */
	{ "64668b4314",         DECODE_OK, 0, 2, 2, 0, 5, 0, 0 },
	{ "c7840b7856341201000000", DECODE_OK, 1, 4, 4, -1, 11, 0, 1 },
	{ "c7840b78563412",     DECODE_SHORT },
	{ "66",                 DECODE_SHORT },
	{ "8b",                 DECODE_SHORT },
	{ "8bc3",               DECODE_BAD },   /* register operand */
	{ "c74b0001000000",     DECODE_BAD },   /* C7 /1 */
	{ "f08b4314",           DECODE_BAD },   /* lock */
	{ "f3a5",               DECODE_BAD },   /* rep movs */
	{ "0344",               DECODE_BAD },   /* add */
};

static unsigned unhex(const char *h, u8 *b)
{
	unsigned n = 0;

	for (; h[0] && h[1]; h += 2)
		sscanf(h, "%2hhx", &b[n++]);
	return n;
}

static void test_decoder(void)
{
	unsigned i, n;
	u8 b[16];
	struct mmio_insn m;

	for (i = 0; i < sizeof(dcases) / sizeof(dcases[0]); i++) {
		const struct dcase *c = &dcases[i];
		enum decode r;

		n = unhex(c->hex, b);
		memset(&m, 0x55, sizeof(m));
		r = decode_mmio(b, n, &m);
		if (c->r != DECODE_OK || r != DECODE_OK) {
			T(r == c->r, "decode %s: %d", c->hex, r);
			continue;
		}
		T(m.store == c->store && (int)m.size == c->size
		  && (int)m.dsize == c->dsize && m.reg == c->reg
		  && (int)m.len == c->len && m.sign == c->sign
		  && (c->reg >= 0 || m.imm == c->imm),
		  "decode %s: store %d size %u/%u reg %d len %u imm %#x", c->hex,
		  m.store, m.size, m.dsize, m.reg, m.len, m.imm);
	}
}

/* ---- a block device, driven as a driver would ---- */

#define RING 0x10000u           /* rings at 64 KiB, buffers above */
#define DESC RING
#define AVAIL (RING + 0x100)
#define USED (RING + 0x200)
#define BUF 0x20000u
static struct device *blkdev;
static u16 avail_idx;

static u32 rd(u32 off, unsigned size)
{
	u32 v = 0xDEADBEEF;

	if (!bar_read(blkdev, off, size, &v))
		return 0xDEADBEEF;
	return v;
}

static bool wr(u32 off, unsigned size, u32 v)
{
	return bar_write(blkdev, off, v, size);
}

static u8 status(void) { return rd(20, 1); }

static void set_desc(u16 i, u32 addr, u32 len, u16 flags, u16 next)
{
	struct vring_desc d = { addr, len, flags, next };

	memcpy(guest_base + DESC + 16 * i, &d, 16);
}

static void publish(u16 head, u16 step)
{
	put16(AVAIL + 4 + 2 * (avail_idx % 16), head);
	avail_idx += step;
	put16(AVAIL + 2, avail_idx);
	wr(56, 2, 0);                   /* kick */
	serve_kicked();
}

static bool driver_init(void)
{
	memset(guest_base + RING, 0, 0x300);
	avail_idx = 0;
	wr(20, 1, 0);
	wr(20, 1, 3);
	wr(8, 4, 0);
	wr(12, 4, 1u << VIRTIO_BLK_F_FLUSH);
	wr(8, 4, 1);
	wr(12, 4, 1);
	wr(20, 1, 11);
	if (status() != 11)
		return false;
	wr(22, 2, 0);
	wr(24, 2, 16);
	wr(32, 4, DESC); wr(36, 4, 0);
	wr(40, 4, AVAIL); wr(44, 4, 0);
	wr(48, 4, USED); wr(52, 4, 0);
	wr(28, 2, 1);
	wr(20, 1, 15);
	return status() == 15;
}

/* header at BUF, data at BUF+0x100, status at BUF+0x80 */
static int request(u32 type, u32 sector, u32 len, bool data_writable)
{
	u16 used = get16(USED + 2);

	put32(BUF, type);
	put32(BUF + 4, 0);
	put32(BUF + 8, sector);
	put32(BUF + 12, 0);
	put8(BUF + 0x80, 0xEE);
	set_desc(0, BUF, 16, VRING_DESC_F_NEXT, 1);
	set_desc(1, BUF + 0x100, len, VRING_DESC_F_NEXT
		 | (data_writable ? VRING_DESC_F_WRITE : 0), 2);
	set_desc(2, BUF + 0x80, 1, VRING_DESC_F_WRITE, 0);
	publish(0, 1);
	if (get16(USED + 2) != (u16)(used + 1))
		return -1;
	return *(u8 *)guest_ptr(BUF + 0x80, 1);
}

static void bad(const char *what, int how, const char *file)
{
	static u8 before[65536], after[65536];
	int fd = open(file, O_RDONLY);

	read(fd, before, sizeof(before));
	T(driver_init(), "%s: set-up", what);
	put32(BUF, VIRTIO_BLK_T_OUT);
	put32(BUF + 8, 3);
	memset(guest_base + BUF + 0x100, 0xBD, 512);
	set_desc(0, BUF, 16, VRING_DESC_F_NEXT, how == 0 ? 200 : 1);
	set_desc(1, how == 2 ? 0xC0000000 : BUF + 0x100, 512,
		 VRING_DESC_F_NEXT, how == 1 ? 0 : 2);
	set_desc(2, BUF + 0x80, 1, VRING_DESC_F_WRITE, 0);
	publish(0, how == 3 ? 41 : 1);
	T(status() & VIRTIO_NEEDS_RESET, "%s: needs reset (status %#x)", what,
	  status());
	T(get16(USED + 2) == 0, "%s: nothing used", what);
	publish(0, 1);
	T(get16(USED + 2) == 0, "%s: and nothing more until reset", what);
	pread(fd, after, sizeof(after), 0);
	close(fd);
	T(!memcmp(before, after, sizeof(before)), "%s: file untouched", what);
	T(driver_init() && request(VIRTIO_BLK_T_IN, 0, 512, true) == 0
	  && !memcmp(guest_base + BUF + 0x100, "LGUEST-DISK", 11),
	  "%s: works again after a reset", what);
}

int main(int argc, char **argv)
{
	char *block = argv[1];
	u32 v;

	(void)argc;
	test_decoder();
	if (pipe2(kick_pipe, O_NONBLOCK) != 0)  /* no device thread here */
		return 1;
	map_guest_memory(8);
	setup_pci();
	setup_console();
	setup_block(block);
	blkdev = pci_slot[2];
	T(blkdev && !strcmp(blkdev->name, "block"), "block in slot 2");
	T(rd(60, 4) == 128 && rd(64, 4) == 0 && rd(72, 4) == 254,
	  "capacity 128 sectors, seg_max 254");
	T(rd(18, 2) == 1 && rd(24, 2) == 256, "one queue of 256");
	T(rd(20, 4) == 0xDEADBEEF && rd(4, 1) == 0xDEADBEEF
	  && rd(59, 1) == 0xDEADBEEF && rd(62, 4) == 0xDEADBEEF,
	  "wrong widths, padding and misaligned reads refused");
	T(!wr(18, 2, 5) && !wr(4, 4, 0) && !wr(60, 4, 0) && !wr(58, 1, 0),
	  "read-only registers refused");
	wr(0, 4, 1);
	T(rd(4, 4) == 1, "VERSION_1 offered");
	wr(0, 4, 0);
	v = rd(4, 4);
	T(v == (1u << 2 | 1u << 9), "SEG_MAX and FLUSH offered: %#x", v);
	wr(20, 1, 3);
	wr(8, 4, 0); wr(12, 4, 1u << 3);    /* not offered */
	wr(8, 4, 1); wr(12, 4, 1);
	wr(20, 1, 11);
	T(status() == 3, "an unoffered feature: FEATURES_OK not kept");
	wr(20, 1, 0);
	T(status() == 0, "reset");
	T(driver_init(), "driver set-up");
	T(request(VIRTIO_BLK_T_IN, 0, 512, true) == 0
	  && !memcmp(guest_base + BUF + 0x100, "LGUEST-DISK", 11), "read");
	memset(guest_base + BUF + 0x100, 0x5A, 1024);
	T(request(VIRTIO_BLK_T_OUT, 4, 1024, false) == 0, "write");
	T(request(VIRTIO_BLK_T_FLUSH, 0, 0, false) == 0, "flush");
	T(request(VIRTIO_BLK_T_IN, 127, 1024, true) == 1, "read past the end");
	T(request(VIRTIO_BLK_T_GET_ID, 0, 20, true) == 0
	  && !strcmp((char *)guest_base + BUF + 0x100, "lguest"), "get id");
	T(request(7, 0, 512, true) == 2, "unsupported");
	T(*(u32 *)guest_ptr(USED + 4, 4) == 0 && *(u32 *)guest_ptr(USED + 8, 4) == 513,
	  "used entry: head 0, 513 bytes");
	bad("bad next", 0, block);
	bad("loop", 1, block);
	bad("outside RAM", 2, block);
	bad("runaway index", 3, block);
	T(driver_init(), "set-up again");
	wr(20, 1, 0); wr(20, 1, 11); wr(22, 2, 0); wr(24, 2, 16);
	wr(32, 4, 0xFFFF0000); wr(40, 4, AVAIL); wr(48, 4, USED);
	wr(28, 2, 1);
	T((status() & VIRTIO_NEEDS_RESET) && rd(28, 2) == 0,
	  "a ring outside RAM is not enabled");
	return fails != 0;
}
