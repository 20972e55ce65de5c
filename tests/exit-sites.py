#!/usr/bin/env python3
"""exit-sites.py -- where a Linux guest's exits come from (H:520, G:772).

  exit-sites.py [LOG [VMLINUX]]

Reads the LBSITE lines that tests/bench/70-linux-lbench.sh prints from the
Host's exit log (one exit a line: BENCH TRAP EAX ARG EIP ESP, eight words
from the top of the guest's stack, the number of hypercalls the
asynchronous ring carried in with the exit and their numbers; all hex but
the counts) and prints, per benchmark, the exits grouped by trap, the
function at the guest's %eip, its caller, and the ring's hypercalls, most
frequent first.  LOG defaults to tests/out/logs/latest.log, VMLINUX to
$LINUX_GUEST/vmlinux or ../shared/linux-guest/vmlinux.

A Linux guest has no frame pointers, so the callers are found the way a
debugger guesses without them: the stack words that point just after a
call instruction in the guest's text (or, for a paravirt call site that
the guest patched at boot, one byte before its end).
"""
import bisect
import collections
import os
import re
import struct
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAPS = {14: "#PF", 13: "#GP", 31: "hcall", 7: "#NM", 3: "#BP", 128: "int80"}


def hcall_names():
    names = {}
    for path in (os.path.join(TOP, "tangle/include/lguest_abi.h"),):
        try:
            for line in open(path):
                m = re.match(r"#define LHCALL_(\w+)\s+(\d+)", line)
                if m and m.group(1) not in ("NR", "RING_SIZE", "SLOT_FREE",
                                            "SLOT_READY"):
                    names[int(m.group(2))] = m.group(1).lower()
        except OSError:
            pass
    return names


class Guest:
    """The guest kernel's symbols and executable bytes."""

    def __init__(self, vmlinux):
        self.addrs, self.syms = [], []
        out = subprocess.run(["nm", "-n", vmlinux], capture_output=True,
                             text=True, check=True).stdout
        for line in out.splitlines():
            w = line.split()
            if len(w) == 3 and w[1] in "tTwW":
                self.addrs.append(int(w[0], 16))
                self.syms.append(w[2])
        self.text = []          # (start, bytes) of executable sections
        data = open(vmlinux, "rb").read()
        shoff, = struct.unpack_from("<I", data, 0x20)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x2E)
        for i in range(shnum):
            (_, stype, flags, addr, off, size) = struct.unpack_from(
                "<IIIIII", data, shoff + i * shentsize)
            if stype == 1 and flags & 4 and addr:
                self.text.append((addr, data[off:off + size]))

    def sym(self, a, offset=True):
        i = bisect.bisect_right(self.addrs, a) - 1
        if i < 0 or not self.is_text(a):
            return "?%x" % a
        name = self.syms[i]
        return "%s+%#x" % (name, a - self.addrs[i]) if offset else name

    def byte_at(self, a):
        for start, b in self.text:
            if start <= a < start + len(b):
                return b[a - start]
        return None

    def is_text(self, a):
        return self.byte_at(a) is not None

    def after_call(self, a):
        """Is A a return address: does a call instruction end there?"""
        if not self.is_text(a - 1):
            return False
        if self.byte_at(a - 5) == 0xE8:                    # call rel32
            return True
        # A paravirt call site, "call *pv_ops" (6 bytes) in the file, is
        # patched at boot into a direct call (5 bytes) and a nop.
        if self.byte_at(a - 5) == 0xFF and self.byte_at(a - 4) == 0x15:
            return True
        for n in (2, 3, 6, 7):                             # call *r/m
            if (self.byte_at(a - n) == 0xFF and
                    (self.byte_at(a - n + 1) or 0) >> 3 & 7 == 2):
                return True
        return False


def main():
    log = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        TOP, "tests/out/logs/latest.log")
    where = os.environ.get("LINUX_GUEST",
                           os.path.join(TOP, "../shared/linux-guest"))
    vmlinux = sys.argv[2] if len(sys.argv) > 2 else (
        os.path.join(where, "vmlinux") if os.path.isdir(where) else where)
    guest = Guest(vmlinux)
    names = hcall_names()
    hc = lambda n: names.get(n, str(n))
    sites = collections.OrderedDict()
    for line in open(log, errors="replace"):
        w = line.replace("\r", "").split()
        if len(w) < 16 or w[0] != "LBSITE":
            continue
        bench = w[1]
        trap = int(w[2])
        eax, arg, eip, esp = (int(x, 16) for x in w[3:7])
        stack = [int(x, 16) for x in w[7:15]]
        ring = [int(x) for x in w[16:]]
        nring = int(w[15])
        if trap == 31:
            what = "hcall %s(%x)" % (hc(eax), arg)
        elif trap == 14:
            what = "#PF on %s" % ("kernel" if arg >= 0xC0000000 else "user")
        else:
            what = TRAPS.get(trap, "trap %d" % trap)
        if eip >= 0xC0000000:
            where_ = guest.sym(eip, offset=trap == 31)
            callers = [guest.sym(s, offset=False) for s in stack
                       if s >= 0xC0000000 and guest.after_call(s)][:3]
        else:
            where_, callers = "user", []
        r = "+".join(hc(n) for n in ring)
        if nring > len(ring):
            r += "+%d more" % (nring - len(ring))
        key = (what, where_, " < ".join(callers), r)
        sites.setdefault(bench, collections.Counter())[key] += 1
    if not sites:
        sys.exit("exit-sites.py: no LBSITE lines in %s" % log)
    for bench, c in sites.items():
        total = sum(c.values())
        print("## %s: %d exits logged\n" % (bench, total))
        print("| exits | % | exit | guest %eip | called from | ring |")
        print("|---:|---:|---|---|---|---|")
        for (what, at, callers, ring), n in c.most_common(25):
            print("| %d | %.1f | %s | %s | %s | %s |" % (
                n, 100.0 * n / total, what, at, callers or "-", ring or "-"))
        print()


if __name__ == "__main__":
    main()
