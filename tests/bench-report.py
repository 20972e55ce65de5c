#!/usr/bin/env python3
"""bench-report.py -- the tables of "make bench"'s report, and comparisons.

  bench-report.py LOG
      From the serial log of a "make bench" boot, print the body of
      tests/out/bench-report.md (tests/bench.sh writes its header): the
      benchmarks of the test guest and the Host (BENCH lines), lbench
      natively against inside the Linux guest (LBENCH lines), the Linux
      guest's exits by reason per benchmark (LBEXITS lines), and a block
      of raw numbers that --compare and bench-figure.py read.
  bench-report.py --compare OLD.md NEW.md [LABEL1 LABEL2]
      A before/after table of two reports (tests/bench-compare.sh); with
      labels, the two side by side under those names (make bench: the 686
      and the 686-pae Host).

The lines it reads (tests/bench/*.sh print them):
  BENCH NAME VALUE UNIT WHAT...
  LBENCH-INFO ENV key=value...
  LBENCH ENV BENCH REP VALUE UNIT OPS SECONDS   (ENV native, guest, count)
  LBEXITS PASS BENCH COUNTER DELTA              (PASS time or count)
"""
import re
import sys

BENCH_ORDER = ["getppid", "pagefault", "pipe", "ctxsw", "fork", "ptring"]
BENCH_WHAT = {
    "getppid": "a system call round trip",
    "pagefault": "a fresh anonymous page, written once (mmap 4 MiB, munmap)",
    "pipe": "one byte to another process and back through pipes",
    "ctxsw": "two processes on one CPU hand it over (futex)",
    "fork": "fork, the child exits at once, wait",
    "ptring": "8 processes in turn, each writing to its 256 pages",
}
# Levels, not events: their deltas mean nothing per operation.
LEVELS = {"stats:pinned_pages", "stats:shadow_pages"}
# Exit reasons from the kprobes (tests/bench/70-linux-lbench.sh) and the
# Host's global counters: the first seven partition the exits.
CATEGORIES = [
    ("hypercall", "hypercalls"),
    ("shadow-fault", "page faults the Host fills in its shadow"),
    ("reflected-fault", "page faults reflected to the guest"),
    ("mmio-fault", "page faults on device memory"),
    ("syscall", "system calls (int $0x80) reflected"),
    ("trap", "other traps"),
    ("host-irq", "Host interrupts"),
]
EXTRAS = [
    ("total", "all exits"),
    ("launcher", "returns to the Launcher (read)"),
    ("all-hcalls", "hypercalls, the async ring's included"),
    ("irq", "interrupts delivered to the guest"),
]
SYSCALL_VECTOR = 128
LGUEST_TRAP_ENTRY = 0x1F


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


def fmt(v):
    """A number with about three significant digits, never in e-form."""
    if v is None:
        return "--"
    a = abs(v)
    if a >= 100:
        return "%.0f" % v
    if a >= 10:
        return "%.1f" % v
    if a >= 1:
        return "%.2f" % v
    if a < 0.0005:
        return "0"
    s = "%.3g" % v
    return s + ".00" if s in ("1", "-1") else s


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def parse_log(path):
    d = {"bench": [], "info": {}, "reps": {}, "exits": {}, "results": []}
    with open(path, errors="replace") as f:
        for line in f:
            line = line.replace("\r", "").rstrip("\n")
            w = line.split()
            if not w:
                continue
            if w[0] == "BENCH" and len(w) >= 4:
                d["bench"].append((w[1], w[2], w[3], " ".join(w[4:])))
            elif w[0] == "LBENCH-INFO" and len(w) >= 2:
                d["info"][w[1]] = " ".join(w[2:])
            elif w[0] == "LBENCH" and len(w) == 8 and num(w[4]) is not None:
                r = d["reps"].setdefault((w[1], w[2]), [])
                r.append((float(w[4]), w[5], int(w[6]), float(w[7])))
            elif w[0] == "LBEXITS" and len(w) == 5 and num(w[4]) is not None:
                e = d["exits"].setdefault((w[1], w[2]), {})
                e[w[3]] = e.get(w[3], 0) + float(w[4])
            elif w[0] == "@@RESULT" and len(w) >= 3:
                d["results"].append((w[1], w[2], " ".join(w[3:])))
    return d


def categories(c):
    """Exits by reason from one benchmark's counter deltas c, and which
    source gave them."""
    k = lambda name: c.get("kprobe:" + name, 0)
    s = lambda name: c.get("stats:" + name, 0)
    # Per-guest counters of exit reasons, when the Host has them.
    # (Not the per-guest file "exits": it counts the returns to the
    # Launcher, a few of all exits, and they have a row of their own.)
    own = {key: v for key, v in c.items()
           if not key.startswith(("stats:", "kprobe:"))
           and re.search(r"exit", key, re.I) and key not in LEVELS
           and not re.search(r"/exits:", key)}
    if own:
        cats = {key.split(":")[-1]: v for key, v in own.items()}
        return cats, "the Host's per-guest exit counters"
    cats = {"shadow-fault": s("shadow_faults"),
            "reflected-fault": s("reflected_faults"),
            "mmio-fault": s("mmio_faults")}
    if "kprobe:lguest_arch_handle_trap" not in c:
        return cats, "the Host's global counters (no kprobes)"
    hist = lambda f: {int(key.split(":")[-1]): v for key, v in c.items()
                      if key.startswith("hist:%s:" % f)}
    traps, delivered = hist("lguest_arch_handle_trap"), hist("deliver_trap")
    if delivered:
        cats["irq"] = sum(v for n, v in delivered.items()
                          if n >= 32 and n != SYSCALL_VECTOR)
    if traps:
        # Exits by trap number: exact.  A page fault exit is reflected,
        # on device memory, or else filled in the shadow.
        src = "a histogram of exits by trap number (kprobes) and the " \
              "Host's global counters"
        cats["hypercall"] = traps.get(LGUEST_TRAP_ENTRY, 0)
        cats["shadow-fault"] = (traps.get(14, 0) - cats["reflected-fault"]
                                - cats["mmio-fault"])
        cats["syscall"] = traps.get(SYSCALL_VECTOR, 0)
        cats["host-irq"] = sum(v for n, v in traps.items()
                               if 32 <= n < 256 and n != SYSCALL_VECTOR)
        cats["trap"] = sum(v for n, v in traps.items()
                           if n not in (14, LGUEST_TRAP_ENTRY, SYSCALL_VECTOR)
                           and not 32 <= n < 256)
    else:
        # Without it: the Host's counters of shadow faults also count
        # the stack pages it pins, which are no exits; what is left
        # after hypercalls and page faults is the rest.
        src = "kprobes and the Host's global counters (no trap numbers)"
        cats["hypercall"] = k("do_hypercalls")
        rest = (k("lguest_arch_handle_trap") - k("do_hypercalls")
                - cats["shadow-fault"] - cats["reflected-fault"]
                - cats["mmio-fault"])
        if delivered:
            cats["syscall"] = delivered.get(SYSCALL_VECTOR, 0)
            cats["trap"] = sum(v for n, v in delivered.items()
                               if n < 32 and n != 14)
            rest -= cats["syscall"] + cats["trap"]
        cats["host-irq"] = max(0, rest)
    cats["total"] = k("lguest_arch_handle_trap")
    cats["launcher"] = k("lg_read")
    cats["all-hcalls"] = k("do_hcall")
    return cats, src


def ops_of(d, env, b):
    return sum(r[2] for r in d["reps"].get((env, b), []))


def marginal(d, b, f):
    """Per operation of benchmark b, of the values f makes of the counter
    deltas: from the difference of the long counting run (count4) and the
    short one (count), and what is left at the start (per run); with the
    short run alone if there is no long one.  Also (how, operations)."""
    short = f(d["exits"][("count", b)])
    n1 = ops_of(d, "count", b)
    if ("count4", b) in d["exits"] and ops_of(d, "count4", b) > n1:
        long_ = f(d["exits"][("count4", b)])
        dn = ops_of(d, "count4", b) - n1
        per = {k: (long_.get(k, 0) - short.get(k, 0)) / dn
               for k in set(short) | set(long_)}
        fixed = {k: short.get(k, 0) - n1 * per[k] for k in per}
        return per, fixed, ("difference", dn)
    per = {k: v / n1 for k, v in short.items()} if n1 else {}
    return per, {}, ("short run", n1)


def report(d):
    out = []
    p = out.append
    data = []
    bad = [r for r in d["results"] if r[1] != "PASS"]
    if bad:
        p("**Not all benchmark scripts ran to the end:** " + "; ".join(
            "%s %s %s" % r for r in bad) + "\n")

    p("## The test guest and the Host\n")
    p("| benchmark | value | unit | what |")
    p("|---|---:|---|---|")
    for name, value, unit, what in d["bench"]:
        p("| %s | %s | %s | %s |" % (name, value, unit, what))
        if num(value) is not None:
            data.append(("test/" + name, float(value)))
    p("")

    benches = [b for b in BENCH_ORDER
               if ("native", b) in d["reps"] or ("guest", b) in d["reps"]]
    benches += sorted({b for (e, b) in d["reps"] if b not in benches})
    if benches:
        p("## Linux: natively on the QEMU host, and as an lguest guest\n")
        p("lbench (`tests/linux/lbench.c`), the same static i386 program, "
          "on the QEMU host's own kernel and inside the Linux guest, pinned "
          "to the same CPU of the QEMU host; each repeat runs for a fixed "
          "time and gives the mean of one operation; below, the median of "
          "the repeats and their range.\n")
        for env in ("native", "guest"):
            if env in d["info"]:
                p("- %s: %s" % (env, d["info"][env]))
        p("")
        p("| benchmark | unit | native | native min-max | guest | "
          "guest min-max | guest/native | what |")
        p("|---|---|---:|---:|---:|---:|---:|---|")
        for b in benches:
            row = [b, "", "", "", "", "", "", BENCH_WHAT.get(b, "")]
            meds = {}
            for i, env in ((2, "native"), (4, "guest")):
                r = d["reps"].get((env, b))
                if not r:
                    row[i] = row[i + 1] = "--"
                    continue
                vals = [x[0] for x in r]
                row[1] = r[0][1]
                meds[env] = median(vals)
                row[i] = fmt(meds[env])
                row[i + 1] = "%s-%s (%d)" % (fmt(min(vals)), fmt(max(vals)),
                                             len(vals))
                data += [("%s/%s" % (env, b), meds[env]),
                         ("%s/%s/min" % (env, b), min(vals)),
                         ("%s/%s/max" % (env, b), max(vals))]
            if meds.get("native") and "guest" in meds:
                ratio = meds["guest"] / meds["native"]
                row[6] = "%.2f" % ratio
                data.append(("ratio/" + b, ratio))
            else:
                row[6] = "--"
            p("| " + " | ".join(row) + " |")
        p("")

    counted = [b for b in benches if ("count", b) in d["exits"]]
    if counted:
        cat, per_op, fixed, src, how = {}, {}, {}, None, {}
        for b in counted:
            per_op[b], fixed[b], how[b] = marginal(d, b, lambda c: c)
            cat[b] = marginal(d, b, lambda c: categories(c)[0])[0]
            src = categories(d["exits"][("count", b)])[1]
            cat[b]["fixed"] = fixed[b].get("kprobe:lguest_arch_handle_trap")
            data.append(("ops/" + b, how[b][1]))
        names = [c for c in CATEGORIES + EXTRAS
                 if any(c[0] in cat[b] for b in counted)]
        names += [(k, k) for k in sorted({k for b in counted for k in cat[b]})
                  if k not in dict(CATEGORIES + EXTRAS) and k != "fixed"]
        p("## Where the Linux guest's time goes: exits per operation\n")
        p("A second pass in the same guest with the Host's counters read "
          "before and after each benchmark (from %s), which runs once for "
          "the time of a repeat and once for four times as long: the "
          "difference, divided by the extra operations, is the cost of "
          "one operation, without lbench's start and the benchmark's "
          "setup (shown in the last row).  The first seven rows add up to "
          "all exits; a reflected trap is one that the guest's own "
          "handler takes, through the Host.  Host interrupts come with "
          "time, and this pass is slower than the timed one.\n" % src)
        p("| exits by reason | " + " | ".join(counted) + " |")
        p("|---|" + "---:|" * len(counted))
        for key, label in names:
            p("| %s | " % label + " | ".join(
                fmt(cat[b].get(key)) for b in counted) + " |")
            for b in counted:
                if key in cat[b]:
                    data.append(("exits/%s/%s" % (b, key), cat[b][key]))
        p("| operations counted | " + " | ".join(
            "%d" % how[b][1] for b in counted) + " |")
        p("| exits at the start and setup | " + " | ".join(
            fmt(cat[b]["fixed"]) for b in counted) + " |")
        p("")
        keys = sorted({k for b in counted for k in per_op[b]} - LEVELS)
        p("Every counter that moved, per operation as above (`stats:` "
          "the Host's global counters, `kprobe:` calls of a function of "
          "lg.ko, `hist:FUNCTION:N` the calls of lguest_arch_handle_trap "
          "(exits) or deliver_trap (traps and interrupts delivered into "
          "the guest) with trap number N, or of guest_flush_tlb with "
          "kernel_too N; anything else the Host's per-guest "
          "counters):\n")
        p("| counter | " + " | ".join(counted) + " |")
        p("|---|" + "---:|" * len(counted))
        for key in keys:
            p("| `%s` | " % key + " | ".join(
                fmt(per_op[b][key]) if key in per_op[b] else ""
                for b in counted) + " |")
            for b in counted:
                if key in per_op[b]:
                    data.append(("count/%s/%s" % (b, key), per_op[b][key]))
        p("")

    p("## Raw numbers\n")
    p("For `tests/bench-compare.sh` and `tests/bench-figure.py`: "
      "test/ the benchmarks above, native/ and guest/ lbench's medians "
      "(us), ratio/ guest over native, exits/ and count/ per operation "
      "in the counting pass, ops/ the operations that counted.\n")
    p("```bench-data")
    for k, v in data:
        p("%s %s" % (k, repr(round(v, 6)) if isinstance(v, float) else v))
    p("```")
    return "\n".join(out) + "\n"


def read_data(path):
    """The raw numbers of a report: its bench-data block, or, for a report
    from before there was one, the rows of its first table."""
    vals, block = {}, False
    with open(path) as f:
        lines = f.read().splitlines()
    for line in lines:
        if line.startswith("```bench-data"):
            block = True
        elif block and line.startswith("```"):
            block = False
        elif block and len(line.split()) == 2 and num(line.split()[1]) is not None:
            vals[line.split()[0]] = float(line.split()[1])
    if not vals:
        for line in lines:
            c = [x.strip() for x in line.strip().strip("|").split("|")]
            if len(c) == 4 and num(c[1]) is not None:
                vals["test/" + c[0]] = float(c[1])
    meta = {}
    for line in lines:
        m = re.match(r"- (commit|date): (.*)", line)
        if m:
            meta[m.group(1)] = m.group(2)
    return vals, meta


def compare(old_path, new_path, labels=None):
    old, om = read_data(old_path)
    new, nm = read_data(new_path)
    out = []
    p = out.append
    before, after = labels or ("before", "after")
    if labels:
        p("## The %s Host beside the %s Host\n" % labels)
        p("%s: `%s`, %s: `%s` (commit %s and %s).  %s/%s above 1 is "
          "what the second format costs; the native rows change only "
          "with the machine's load, so they show how much of a "
          "difference is noise.\n" % (
              before, old_path, after, new_path, om.get("commit", "?"),
              nm.get("commit", "?"), after, before))
    else:
        p("## Before and after\n")
        p("Before: commit %s of %s (`%s`); after: commit %s of %s.  "
          "After/before below 1 is better, for times and for exits; the "
          "native rows change only with the machine's load, so they "
          "show how much of a difference is noise.\n" % (
              om.get("commit", "?"), om.get("date", "?"), old_path,
              nm.get("commit", "?"), nm.get("date", "?")))
    groups = [("test/", "The test guest and the Host"),
              ("guest/", "Linux guest, lbench medians (us)"),
              ("native/", "Natively on the QEMU host (noise check, us)"),
              ("ratio/", "guest/native"),
              ("exits/", "Linux guest, exits per operation")]
    for prefix, title in groups:
        keys = [k for k in list(old) + [k for k in new if k not in old]
                if k.startswith(prefix) and not k.endswith(("/min", "/max"))]
        if prefix == "exits/":
            # By benchmark, all exits first; none where both are nought.
            order = [c for c, _ in EXTRAS[:1] + CATEGORIES + EXTRAS[1:]]
            rank = lambda k: (k.split("/")[1], order.index(k.split("/")[2])
                              if k.split("/")[2] in order else 99)
            keys = sorted((k for k in keys
                           if abs(old.get(k) or 0) >= 0.0005
                           or abs(new.get(k) or 0) >= 0.0005), key=rank)
            keys.sort(key=lambda k: BENCH_ORDER.index(k.split("/")[1])
                      if k.split("/")[1] in BENCH_ORDER else 99)
        if not keys:
            continue
        p("| %s | %s | %s | %s/%s |" % (title, before, after, after,
                                         before))
        p("|---|---:|---:|---:|")
        for k in keys:
            a, b = old.get(k), new.get(k)
            r = "%.2f" % (b / a) if a and a > 0 and b is not None \
                and b >= 0 else "--"
            rng = ""
            if prefix in ("guest/", "native/"):
                lo, hi = new.get(k + "/min"), new.get(k + "/max")
                olo, ohi = old.get(k + "/min"), old.get(k + "/max")
                if lo is not None and olo is not None:
                    rng = " (%s-%s -> %s-%s)" % (fmt(olo), fmt(ohi),
                                                 fmt(lo), fmt(hi))
            p("| %s | %s | %s | %s%s |" % (k[len(prefix):], fmt(a), fmt(b),
                                          r, rng))
        p("")
    return "\n".join(out)


def main(argv):
    if len(argv) == 3 and argv[0] == "--compare":
        sys.stdout.write(compare(argv[1], argv[2]) + "\n")
    elif len(argv) == 5 and argv[0] == "--compare":
        sys.stdout.write(compare(argv[1], argv[2], (argv[3], argv[4]))
                         + "\n")
    elif len(argv) == 1:
        sys.stdout.write(report(parse_log(argv[0])))
    else:
        sys.stderr.write("usage: bench-report.py LOG | "
                         "--compare OLD.md NEW.md [LABEL1 LABEL2]\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
