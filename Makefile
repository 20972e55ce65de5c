# Makefile for lguest: everything is generated from lguest.nw.
#
#   make          tangle, build lg.ko (twice: for the 686 and the 686-pae
#                 Host kernels), the launcher and the test guest, weave and
#                 typeset book.pdf
#   make tangle   only extract the sources into tangle/
#   make book     only typeset book.pdf
#   make book-stats  measure the book (pages, chunks, the widest code line)
#   make check    build everything, then run the book checks and the QEMU
#                 tests on the 686 Host, and the QEMU tests again on the
#                 686-pae Host, a representative set (tests/check.sh;
#                 PAE_CHECK="patterns" or PAE_CHECK=all for others there);
#                 ends with "N passed, N failed"
#   make run      build everything and boot the test guest under QEMU
#   make run-linux  build the module and the launcher, boot QEMU and give
#                 the shell of a Linux guest under lguest (needs a guest
#                 kernel: ../shared/linux-guest/ or LINUX_GUEST=...)
#   make bench    boot the QEMU host and run the benchmarks (the test guest,
#                 and the Linux guest against the QEMU host's own kernel);
#                 the report lands in tests/out/bench-report.md; then
#                 the same on the 686-pae Host, into bench-report-686-pae.md,
#                 which ends with the two Hosts' numbers side by side.
#                 BENCH_BASELINE=OLD.md adds a before/after table
#   make fuzz     the fuzzers of make check, for longer: SEED=n (default
#                 from the clock), CALLS=n (default 1000000), MINUTES=n;
#                 the report lands in tests/out/fuzz-report.md
#   make debug    start the QEMU host with its gdb stub (see tests/debug.sh)
#   make grade    list the graded labs (tests/labs/); make grade LAB=name
#                 (or EX=M:NNN) builds the program and runs that lab's
#                 grader in the QEMU host: "LAB name: K/N checks passed"
#   make lab-start LAB=name  apply the lab's starting point to lguest.nw
#                 (refuses if the work tree has uncommitted changes)
#   make pae      only build lg.ko for the 686-pae Host, into
#                 tangle/lguest-pae/ (make does it too); run its VM tests
#                 with HOST_FLAVOUR=686-pae tests/run.sh (see tests/README.md)
#   make clean    remove everything generated
#
# The build runs in two phases: first the tangle (which uses cpif, so a
# file whose text did not change keeps its timestamp), then a second make
# that compares those timestamps.  That is why a second "make" does nothing.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
.DEFAULT_GOAL := all
MAKEFLAGS += --no-print-directory

NW := $(CURDIR)/lguest.nw
T  := tangle
W  := weave

# The manifest: every root chunk of lguest.nw, by output path under tangle/.
# "make check" verifies that noroots(1) finds exactly these.
ROOTS := \
	include/lguest_abi.h \
	lguest/Kbuild \
	lguest/lg.h \
	lguest/core.c \
	lguest/lguest_user.c \
	lguest/hypercalls.c \
	lguest/page_tables.c \
	lguest/x86_core.c \
	lguest/interrupts_and_traps.c \
	lguest/segments.c \
	lguest/switcher_32.S \
	launcher/launcher.h \
	launcher/lguest.c \
	launcher/pci.c \
	launcher/mmio.c \
	launcher/virtio.c \
	launcher/virtqueue.c \
	launcher/console.c \
	launcher/block.c \
	launcher/rng.c \
	launcher/net.c \
	guest/guest.lds \
	guest/head.S \
	guest/guest.h \
	guest/hcall.c \
	guest/irq.c \
	guest/paging.c \
	guest/lib.c \
	guest/console.c \
	guest/tests.c \
	guest/virtio.c \
	guest/devtests.c \
	guest/net.c \
	guest/pagetests.c \
	guest/traps.c \
	guest/traptests.c \
	guest/timer.c \
	guest/fuzz.c \
	guest/main.c \
	linux/lguest-guest.config \
	linux/lguest-guest-pae.config \
	book/weave-filter.py

# C, assembler and header roots get #line directives pointing back into
# lguest.nw, so that compiler errors and gdb name lguest.nw:LINE.
LINE := \#line %L "%F"%N

# The Debian 6.1 686 kernel headers, fetched by tests/fetch-kernel.sh.
KENV := tests/cache/kernel.env
KDIR ?= $(shell [ -f $(KENV) ] && . ./$(KENV) && echo $$KDIR)

CC32     := gcc -m32
CFLAGS32 := -O2 -g -Wall -Wextra -Werror -static -I$(T)/include

.PHONY: all deps tangle build book book-stats check run run-linux bench fuzz \
	debug grade lab-start clean distclean kernel roots pae FORCE

all: deps tangle
	@$(MAKE) build book

# On a machine that lacks the tools (noweb, TeX, QEMU, 32-bit gcc support),
# install them first: tests/install-deps.sh needs root.  Then make sure the
# Debian kernel and its headers are in tests/cache (a no-op once they are).
TOOLS := notangle noweave cpif latexmk pdflatex pdftotext pdftohtml python3 \
	qemu-system-i386 cpio
deps:
	@missing=; for t in $(TOOLS); do \
	    command -v $$t >/dev/null || missing="$$missing $$t"; done; \
	echo 'int main(void){return 0;}' | \
	    gcc -m32 -static -x c -o /dev/null - 2>/dev/null || \
	    missing="$$missing gcc-multilib"; \
	if [ -n "$$missing" ]; then \
	    echo "missing:$$missing; running tests/install-deps.sh"; \
	    if [ "$$(id -u)" != 0 ]; then \
	        echo "run it as root: sudo tests/install-deps.sh"; exit 1; fi; \
	    tests/install-deps.sh; \
	fi
	@tests/fetch-kernel.sh | { grep -v 'nothing to do' || true; }
	@tests/fetch-kernel.sh 686-pae | { grep -v 'nothing to do' || true; }

tangle: $(T)/.stamp

$(T)/.stamp: lguest.nw Makefile
	@mkdir -p $(T)
	@for r in $(ROOTS); do \
	    args=(-t8); \
	    case $$r in *.c|*.h|*.S) args+=(-L'$(LINE)');; esac; \
	    mkdir -p $(T)/$$(dirname $$r); \
	    notangle "$${args[@]}" -R"$$r" $(NW) 2>$(T)/.err | cpif $(T)/$$r; \
	    if [ -s $(T)/.err ]; then \
	        echo "notangle $$r:"; cat $(T)/.err; rm -f $@; exit 1; \
	    fi; \
	done
	@touch $@

# ---- phase two: things built from the tangled files -------------------

MODSRC := $(filter lguest/% include/%,$(ROOTS))
LAUNCHSRC := $(filter launcher/%,$(ROOTS))
LAUNCHER := $(T)/launcher/lguest
MODULE := $(T)/lguest/lg.ko
GUEST := $(T)/guest/testguest
PAE := $(T)/lguest-pae
PAE_MODULE := $(PAE)/lg.ko

build: $(MODULE) $(PAE_MODULE) $(LAUNCHER) $(GUEST)
	@:

$(MODULE): $(addprefix $(T)/,$(MODSRC))
	@if [ -z "$(KDIR)" ]; then \
	    echo "No kernel headers: run tests/fetch-kernel.sh first."; exit 1; \
	fi
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(T)/lguest ARCH=x86 modules

# The Launcher: every launcher/*.c of the manifest, linked statically.
$(LAUNCHER): $(addprefix $(T)/,$(LAUNCHSRC)) $(T)/include/lguest_abi.h
	$(CC32) $(CFLAGS32) -o $@ $(addprefix $(T)/,$(filter %.c,$(LAUNCHSRC)))

# The test guest: freestanding, no library, no SSE, linked at 1 MiB.
GUESTFLAGS := -O2 -g -Wall -Wextra -Werror -ffreestanding -nostdlib \
	-static -fno-pic -no-pie -fno-stack-protector -mgeneral-regs-only \
	-fno-asynchronous-unwind-tables -fno-delete-null-pointer-checks \
	-Wl,--build-id=none -I$(T)/include
# Its sources are every .S and .c root under guest/, in manifest order.
GUESTSRC := $(addprefix $(T)/,$(filter guest/%.S guest/%.c,$(ROOTS)))

$(GUEST): $(GUESTSRC) $(T)/guest/guest.lds $(T)/guest/guest.h \
		$(T)/include/lguest_abi.h
	$(CC32) $(GUESTFLAGS) -T $(T)/guest/guest.lds -o $@ $(GUESTSRC)

# ---- lg.ko for a PAE Host ------------------------------------------------

# The same module, built against the Debian 686-pae headers (3-level paging,
# 64-bit page table entries, NX, HIGHMEM64G) of the same version as the 686
# ones.  tangle/lguest-pae/ holds symbolic links to the tangled module
# sources and objects of its own, so the two builds never disturb each
# other.
PAE_KENV := tests/cache/kernel-686-pae.env
PAE_KDIR = $(shell [ -f $(PAE_KENV) ] && . ./$(PAE_KENV) && echo $$KDIR)
PAE_LINKS := $(addprefix $(PAE)/,$(notdir $(filter lguest/%,$(ROOTS))))

pae: deps tangle
	@$(MAKE) $(PAE_MODULE)

$(PAE_LINKS): $(PAE)/%: | $(T)/lguest/%
	@mkdir -p $(PAE)
	ln -sfn ../lguest/$* $@

$(PAE_MODULE): $(addprefix $(T)/,$(MODSRC)) $(PAE_LINKS)
	@if [ -z "$(PAE_KDIR)" ]; then \
	    echo "No 686-pae kernel headers: run tests/fetch-kernel.sh 686-pae."; \
	    exit 1; \
	fi
	$(MAKE) -C $(PAE_KDIR) M=$(CURDIR)/$(PAE) ARCH=x86 modules

# ---- the book ----------------------------------------------------------

# noweave's pipeline, run by hand so that our own filter (the appendix "How
# this book is made") takes the place of finduses: it marks a use of an
# identifier only within the program that defines it, never in a string or
# a comment, and tells each chunk its length; after noidx, it sorts the
# index of chunks.
NWLIB  := $(or $(NWLIB),$(shell sed -n 's/^LIB=//p' \
	"$$(command -v noweave)" 2>/dev/null),/usr/lib/noweb)
FILTER := $(T)/book/weave-filter.py

book: tangle
	@$(MAKE) book.pdf

$(W)/book.tex: lguest.nw $(FILTER)
	@mkdir -p $(W)
	$(NWLIB)/markup $(NW) | python3 $(FILTER) | $(NWLIB)/noidx -delay | \
	    python3 $(FILTER) --chunk-index | $(NWLIB)/totex -delay | cpif $@

# The version and date on the title page: "git describe" and the date of
# the last commit, or of lguest.nw when the tree differs from it or is no
# git tree.  Written on every make, but by cpif: only a new version
# typesets the book again.
$(W)/version.tex: FORCE
	@mkdir -p $(W)
	@v=$$(git describe --always --dirty 2>/dev/null) || v=unknown; \
	case $$v in *-dirty|unknown) d=$$(date -r lguest.nw +%F);; \
	    *) d=$$(git log -1 --format=%cs);; esac; \
	printf '\\newcommand{\\lgversion}{%s}\n\\newcommand{\\lgdate}{%s}\n' \
	    "$$v" "$$d" | cpif $@

book.pdf: $(W)/book.tex $(W)/version.tex $(wildcard figures/*)
	cd $(W) && latexmk -pdf -interaction=nonstopmode -halt-on-error \
	    -quiet book.tex >latexmk.out 2>&1 || \
	    { tail -40 latexmk.out; exit 1; }
	cp $(W)/book.pdf $@

# Pages, figures, chunk sizes, the widest code line, short pages.
book-stats: book
	@tests/book-stats.sh

# ---- running it ----------------------------------------------------------

# The manifest, for the checks in tests/host/.
roots:
	@echo $(ROOTS)

kernel:
	tests/fetch-kernel.sh

check: all
	PAE_CHECK="$(PAE_CHECK)" tests/check.sh

run: all
	tests/run-guest.sh

# The Linux guest's shell.  Say at once if there is no guest kernel, before
# installing or building anything; the book is not needed.
run-linux:
	@tests/run-linux.sh --check
	@$(MAKE) deps tangle
	@$(MAKE) build
	@tests/run-linux.sh

bench: all
	tests/bench.sh
	HOST_FLAVOUR=686-pae tests/bench.sh

fuzz: all
	SEED="$(SEED)" CALLS="$(CALLS)" MINUTES="$(MINUTES)" tests/fuzz.sh

debug: all
	tests/debug.sh

# The graded labs: the program only, not the book, then the grader.
grade:
	@if [ -z "$(LAB)$(EX)" ]; then tests/grade.sh; else \
	    $(MAKE) deps tangle && $(MAKE) build && tests/grade.sh $(LAB)$(EX); fi

lab-start:
	@tests/lab-start.sh $(LAB)$(EX)

clean:
	rm -rf $(T) $(W) book.pdf tests/out

distclean: clean
	rm -rf tests/cache
