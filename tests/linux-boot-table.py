#!/usr/bin/env python3
"""linux-boot-table.py: the book's table of what a Linux guest's boot
costs the Host, from the Host's per-guest counters.

    tests/linux-boot-table.py --md SERIAL.log [COMMIT] > DATA.md
    tests/linux-boot-table.py DATA.md [OUT.tex]

The first form reads the serial log of a run of the VM test
92-linux-boot-profile (its "LGPROF BOOT FILE NAME VALUE" and "LGLOG BOOT
SECONDS LINE" lines) and writes the data file, figures/linux-boot.md:
the counters of both boots as a table, the same numbers as a data block,
and the console log of the boot with the whole log.  The second form
reads such a data file and writes the table for the book,
figures/linux-boot.tex (\\label{fig:linux-boot}), each row with the stop
of the book that handles what it counts.  tests/linux-boot-profile.sh
runs all of it.
"""
import re
import sys

BOOTS = ("verbose", "quiet")

# What each counter is, and where the book handles it, in the order of
# the table.  (file, name): (words, stop).  Hypercalls get their number
# from HCALL_NR.
HCALL_NR = {
    "flush_async": 0, "lguest_init": 1, "shutdown": 2, "new_pgtable": 4,
    "flush_tlb": 5, "load_idt_entry": 6, "set_stack": 7, "ts": 8,
    "set_clockevent": 9, "halt": 10, "set_pmd": 13, "set_pte": 14,
    "set_pgd": 15, "load_tls": 16, "load_gdt_entry": 18,
    "send_interrupts": 19, "beyond": 20,
}
ROWS = [
    ("traps", [
        ("13", "general protection: an \\texttt{in} or \\texttt{out}",
         "H:810, D:200"),
        ("14", "page fault", "H:710"),
        ("31", "hypercall (\\texttt{int \\$0x1f})", "H:600"),
        ("128", "system call (\\texttt{int \\$0x80}), reflected", "H:820, S:640"),
        ("236", "the Host's timer interrupt", "S:610"),
        ("253", "the Host's rescheduling interrupt", "S:610"),
    ]),
    ("hypercalls", [
        ("set_pte", "a page-table entry changed", "H:740"),
        ("load_tls", "thread-local segments, each switch", "H:893"),
        ("set_stack", "the kernel stack, each switch", "H:840"),
        ("set_clockevent", "the next timer tick", "H:880"),
        ("load_idt_entry", "one gate of the interrupt table", "H:820"),
        ("send_interrupts", "interrupts back on, one pending", "H:610"),
        ("set_pgd", "a page-directory entry changed", "H:745"),
        ("flush_tlb", "the TLB flushed", "H:760"),
        ("new_pgtable", "\\%cr3 loaded: a page-table switch", "H:750"),
        ("load_gdt_entry", "one descriptor of the GDT", "H:893"),
        ("halt", "nothing to do until an interrupt", "H:890"),
        ("ts", "the FPU's task-switched flag", "H:840"),
        ("lguest_init", "the handshake", "H:630"),
        ("flush_async", "the ring's calls, now", "H:620"),
        ("shutdown", "power off", "H:610"),
    ]),
    ("stats", [
        ("shadow_faults", "page faults filled into the shadow", "H:710"),
        ("reflected_faults", "page faults passed to the guest", "H:710"),
        ("mmio_faults", "page faults on device memory", "H:720"),
        ("pgdir_hits", "page-table switches, shadow cached", "H:750"),
        ("pgdir_misses", "page-table switches, shadow built", "H:755"),
        ("flushes", "TLB flushes", "H:760"),
        ("stale_entries", "stale shadow entries found", "H:722"),
        ("shadow_reclaims", "shadows dropped to fit", "H:785"),
        ("pinned_pages", "pages pinned, at \\texttt{/init}", "H:727"),
        ("shadow_pages", "shadow pages, at \\texttt{/init}", "H:705"),
    ]),
    ("exits", [
        ("emulate", "an instruction to emulate (port I/O)", "L:610, D:200"),
        ("mmio", "a device register (MMIO)", "D:400"),
    ]),
]
SECTION = {
    "traps": "exits from the guest, by trap number (\\texttt{traps})",
    "hypercalls": "hypercalls, by number (\\texttt{hypercalls})",
    "stats": "shadow paging (\\texttt{stats})",
    "exits": "returns to the Launcher, by reason (\\texttt{exits})",
}


def read_log(path):
    counts, logs = {}, {b: [] for b in BOOTS}
    with open(path, errors="replace") as f:
        for line in f:
            line = line.replace("\r", "").rstrip("\n")
            w = line.split(" ", 4)
            if w[0] == "LGPROF" and len(w) == 5 and w[1] in BOOTS:
                counts[(w[1], w[2], w[3])] = w[4]
            elif w[0] == "LGLOG" and len(w) >= 3 and w[1] in BOOTS:
                logs[w[1]].append(line.split(" ", 2)[2])
    return counts, logs


def write_md(log, commit):
    counts, logs = read_log(log)
    if not counts:
        sys.exit("linux-boot-table.py: no LGPROF lines in %s" % log)
    version = next((l for l in logs["verbose"] if "Linux version" in l), "")
    version = re.sub(r"^\S+ \[[ .0-9]+\] ", "", version)
    p = print
    p("# A Linux guest's boot, counted by the Host")
    p()
    p("- made by: tests/linux-boot-profile.sh (the VM test "
      "tests/cases/92-linux-boot-profile.sh)")
    p("- commit: %s" % commit)
    p("- serial log: %s" % log)
    p("- guest: %s" % version)
    p("- the book's table: tests/linux-boot-table.py figures/linux-boot.md "
      "figures/linux-boot.tex")
    p()
    p("Two boots of the same guest (64 MiB, the tests' initramfs) to its "
      "/init, where it waits while the counters are read: `verbose` with "
      "`console=hvc0` (its whole console log, below), `quiet` with "
      "`console=hvc0 quiet`.")
    p()
    p("| file | counter | verbose | quiet |")
    p("|---|---|---:|---:|")
    keys = sorted({k[1:] for k in counts},
                  key=lambda k: (k[0], k[1].isdigit() and int(k[1]), k[1]))
    for f, n in keys:
        p("| %s | %s | %s | %s |" % (f, n, counts.get(("verbose", f, n), ""),
                                     counts.get(("quiet", f, n), "")))
    p()
    p("```boot-data")
    for (b, f, n), v in sorted(counts.items()):
        p("%s %s %s %s" % (b, f, n, v))
    p("```")
    p()
    p("The console of the verbose boot, each line with the seconds since "
      "the Launcher started (as it reached the Launcher):")
    p()
    p("```console")
    for l in logs["verbose"]:
        p(l)
    p("```")


def read_md(path):
    counts, meta, inside = {}, {}, False
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line == "```boot-data":
                inside = True
            elif line.startswith("```"):
                inside = False
            elif inside:
                b, f_, n, v = line.split(" ", 3)
                counts[(b, f_, n)] = v
            elif line.startswith("- ") and ": " in line:
                k, v = line[2:].split(": ", 1)
                meta[k] = v
    return counts, meta


def num(v):
    try:
        x = float(v)
    except (TypeError, ValueError):
        return "--"
    if x == int(x):
        s = "%d" % x
        return re.sub(r"(\d)(?=(\d{3})+$)", r"\1\\,", s)
    return "%.1f" % x


def write_tex(md, out):
    counts, meta = read_md(md)
    commit = meta.get("commit", "?").split()[0]
    rows = []
    r = rows.append
    r("% What a Linux guest's boot costs the Host.  Generated by")
    r("%% tests/linux-boot-table.py from figures/linux-boot.md (commit %s);"
      % commit)
    r("% lguest.nw includes it with \\input{../figures/linux-boot.tex}.")
    r("% Do not edit: regenerate (tests/linux-boot-profile.sh).")
    r("\\begin{figure}[tbp]")
    r("\\centering\\footnotesize")
    r("\\begin{tabular}{@{}rlrrl@{}}")
    r("\\toprule")
    r("& what the Host counted & full log & quiet & see \\\\")
    for f, items in ROWS:
        if f == "hypercalls":
            # The busiest first.
            items = sorted(items, key=lambda it: -int(
                counts.get((BOOTS[0], f, it[0])) or 0))
        r("\\midrule")
        r("\\multicolumn{5}{@{}l}{\\emph{%s}} \\\\" % SECTION[f])
        for name, words, stops in items:
            v = [counts.get((b, f, name)) for b in BOOTS]
            if f in ("traps", "hypercalls") and not any(
                    x and x != "0" for x in v):
                continue
            label = HCALL_NR.get(name, name) if f == "hypercalls" else name
            if f in ("stats", "exits"):
                label = ""
                words = "\\texttt{%s}: %s" % (name.replace("_", "\\_"),
                                              words)
            elif f == "hypercalls":
                words = "\\texttt{%s}: %s" % (name.replace("_", "\\_"),
                                              words)
            see = ", ".join("\\lgref{%s}" % s.strip()
                            for s in stops.split(","))
            r("%s & %s & %s & %s & %s \\\\"
              % (label, words, num(v[0]), num(v[1]), see))
    r("\\midrule")
    t = [counts.get((b, "time", "init")) for b in BOOTS]
    r("& seconds from the Launcher's start to \\texttt{/init} & %s & %s & "
      "\\\\" % tuple("%.1f" % float(x) if x else "--" for x in t))
    r("\\bottomrule")
    r("\\end{tabular}")
    r("\\caption[What a Linux guest's boot costs the Host]{What a "
      "Linux~4.9 guest's boot to its \\texttt{/init} costs the Host, "
      "from the Host's counters for that guest in debugfs: a boot with "
      "the kernel's whole console log, and a \\texttt{quiet} one "
      "(\\texttt{tests/linux-boot-profile.sh} at commit \\texttt{%s}, "
      "under emulation).}" % commit)
    r("\\label{fig:linux-boot}")
    r("\\end{figure}")
    text = "\n".join(rows) + "\n"
    if out:
        with open(out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


def main(argv):
    if len(argv) in (2, 3) and argv[0] == "--md":
        write_md(argv[1], argv[2] if len(argv) == 3 else "?")
    elif len(argv) in (1, 2) and not argv[0].startswith("-"):
        write_tex(argv[0], argv[1] if len(argv) == 2 else None)
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
