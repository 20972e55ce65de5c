# Makefile for lguest: everything is generated from lguest.nw.
#
#   make          tangle, build lg.ko, the launcher and the test guest,
#                 weave and typeset book.pdf
#   make tangle   only extract the sources into tangle/
#   make book     only typeset book.pdf
#   make check    build everything, then run the book checks and the QEMU
#                 tests (tests/run.sh); ends with "N passed, N failed"
#   make run      build everything and boot the test guest under QEMU
#   make run-linux  build the module and the launcher, boot QEMU and give
#                 the shell of a Linux guest under lguest (needs a guest
#                 kernel: ../shared/linux-guest/ or LINUX_GUEST=...)
#   make bench    boot the QEMU host and run the benchmarks; the report
#                 lands in tests/out/bench-report.md
#   make debug    start the QEMU host with its gdb stub (see tests/debug.sh)
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
	launcher/lguest.c \
	guest/guest.lds \
	guest/head.S \
	guest/guest.c

# C, assembler and header roots get #line directives pointing back into
# lguest.nw, so that compiler errors and gdb name lguest.nw:LINE.
LINE := \#line %L "%F"%N

# The Debian 6.1 686 kernel headers, fetched by tests/fetch-kernel.sh.
KENV := tests/cache/kernel.env
KDIR ?= $(shell [ -f $(KENV) ] && . ./$(KENV) && echo $$KDIR)

CC32     := gcc -m32
CFLAGS32 := -O2 -g -Wall -Wextra -Werror -static -I$(T)/include

.PHONY: all deps tangle build book check run run-linux bench debug clean \
	distclean kernel roots

all: deps tangle
	@$(MAKE) build book

# On a machine that lacks the tools (noweb, TeX, QEMU, 32-bit gcc support),
# install them first: tests/install-deps.sh needs root.  Then make sure the
# Debian kernel and its headers are in tests/cache (a no-op once they are).
TOOLS := notangle noweave cpif latexmk pdflatex pdftotext qemu-system-i386 cpio
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
LAUNCHER := $(T)/launcher/lguest
MODULE := $(T)/lguest/lg.ko
GUEST := $(T)/guest/testguest

build: $(MODULE) $(LAUNCHER) $(GUEST)
	@:

$(MODULE): $(addprefix $(T)/,$(MODSRC))
	@if [ -z "$(KDIR)" ]; then \
	    echo "No kernel headers: run tests/fetch-kernel.sh first."; exit 1; \
	fi
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(T)/lguest ARCH=x86 modules

$(LAUNCHER): $(T)/launcher/lguest.c $(T)/include/lguest_abi.h
	$(CC32) $(CFLAGS32) -o $@ $<

# The test guest: freestanding, no library, no SSE, linked at 1 MiB.
GUESTFLAGS := -O2 -g -Wall -Wextra -Werror -ffreestanding -nostdlib \
	-static -fno-pic -no-pie -fno-stack-protector -mgeneral-regs-only \
	-fno-asynchronous-unwind-tables -fno-delete-null-pointer-checks \
	-Wl,--build-id=none -I$(T)/include
GUESTSRC := $(addprefix $(T)/guest/,head.S guest.c)

$(GUEST): $(GUESTSRC) $(T)/guest/guest.lds $(T)/include/lguest_abi.h
	$(CC32) $(GUESTFLAGS) -T $(T)/guest/guest.lds -o $@ $(GUESTSRC)

# ---- the book ----------------------------------------------------------

book: book.pdf
	@:

$(W)/book.tex: lguest.nw
	@mkdir -p $(W)
	noweave -delay -index $(NW) | cpif $@

book.pdf: $(W)/book.tex $(wildcard figures/*)
	cd $(W) && latexmk -pdf -interaction=nonstopmode -halt-on-error \
	    -quiet book.tex >latexmk.out 2>&1 || \
	    { tail -40 latexmk.out; exit 1; }
	cp $(W)/book.pdf $@

# ---- running it ----------------------------------------------------------

# The manifest, for the checks in tests/host/.
roots:
	@echo $(ROOTS)

kernel:
	tests/fetch-kernel.sh

check: all
	tests/run.sh

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

debug: all
	tests/debug.sh

clean:
	rm -rf $(T) $(W) book.pdf tests/out

distclean: clean
	rm -rf tests/cache
