# Minikit top-level build.
#
#   make simulate   install what is missing, build, boot the flagship in QEMU
#   make debug      the flagship under gdb-multiarch (GDB_FLAGS='-batch -x F')
#   make test       the whole test suite; ends with "N passed, N failed"
#   make sdk        build/sdk/ in the Microkit SDK layout
#   make examples   build/examples/<name>/loader.img for every example
#   make release    build/release/minikit-sdk-<version>-linux-x86_64.tar.gz
#   make help       every target and variable (V=1: full command lines)
#
# Each part of the tree brings its own fragment: tool/tool.mk,
# kernel/kernel.mk, libmicrokit/libmicrokit.mk. They share the variables below.

BUILD   ?= build
BOARD   := qemu_virt_aarch64
CONFIGS := debug release benchmark
CONFIG  ?= debug
CROSS   ?= aarch64-linux-gnu-
HOSTCC  ?= gcc

# Quiet builds: one short line per step ("  CC      build/...") unless V=1,
# which shows every command line in full. scripts/quiet-sh is the shell of
# every recipe line then; errors and everything a command prints stay visible,
# and a failing step's whole command line is printed.
ifneq ($(V),1)
.SILENT:
SHELL := $(CURDIR)/scripts/quiet-sh
MAKEFLAGS += --no-print-directory
endif

ABS_BUILD := $(abspath $(BUILD))
export BUILD
SDK       := $(BUILD)/sdk
ABS_SDK   := $(abspath $(SDK))
BOARD_DIR  = $(SDK)/board/$(BOARD)/$(1)

EXAMPLES := $(notdir $(patsubst %/Makefile,%,$(wildcard examples/*/Makefile)))

.PHONY: all sdk examples simulate debug test deps clean help graph-docs
all: sdk

# make help: every target meant to be typed, one per line as "  make TARGET  what",
# then the variables. tests/tool/make-cases.sh checks that each listed target
# exists and that every .PHONY target of this file and its fragments is listed
# (add a line here with a new one; internal ones go in HELP_INTERNAL).
define HELP
Minikit. Usage: make [TARGET] [V=1] [CONFIG=debug|release|benchmark] [BUILD=DIR]

Build:
  make all            the same as make sdk (the default)
  make sdk            $(BUILD)/sdk/ in the Microkit SDK layout (tool, kernel, libmicrokit, examples)
  make kernel         the kernel ELF for every config: $(BUILD)/kernel/<config>/minikit.elf (-vm: with VM support)
  make examples       $(BUILD)/examples/<name>/loader.img for every example (CONFIG picks the config)
  make release        $(BUILD)/release/minikit-sdk-<version>-linux-x86_64.tar.gz
  make tool-static    the release build of the tool, statically linked: $(BUILD)/tool-static/microkit
  make graph-docs     docs/images/shared-memory.{dot,svg}, the flagship's graph in README.md
  make tool-docs      regenerate docs/tool.md's list of checks from the bad corpus
  make deps           install the Debian packages that are missing (scripts/install-deps.sh)
  make clean          remove $(BUILD)/

Run:
  make simulate       install what is missing, build, boot the flagship in QEMU (quit: Ctrl-a x)
  make debug          the flagship halted under gdb-multiarch, every PD's symbols (docs/debugging.md) [GDB_FLAGS=...]

Test:
  make test           the whole test suite; ends with "N passed, N failed"
  make test-deps      build everything the tests need, run nothing
  make tool-test      only the tool's host tests (tests/tool/run.sh)
  make system-tests   only the QEMU system tests, on what is built [SYSTEM_TESTS="name..."]
  make stress         the stress test at full size (10^6 events)
  make fuzz           libFuzzer on the tool's parser and ELF reader [FUZZ_SECONDS=60]
  make fuzz-build     build the tool's fuzz targets only
  make fuzz-codec     libFuzzer on the postcard reader [FUZZ_SECONDS=60]
  make fuzz-systems   random systems built and booted: no panic, no hang [FUZZ_SYSTEMS_N=10000 FUZZ_SYSTEMS_SEED=1]
  make bench          the same as make bench-ipc
  make bench-ipc      IPC, IRQ and boot cost in instructions, checked against bench/expected.txt (docs/benchmarks.md)
  make bench-ipc-record  record the current figures as bench/expected.txt (after a deliberate change)
  make bench-ipc-images  build the benchmark systems only
  make bench-tool     the tool's run time on a 63-PD system [BENCH_TOOL_RUNS=N]

  make help           this list

Variables:
  V=1                 show every command line in full (default: one short line per step)
  CONFIG=C            the config make examples and make simulate build (default debug)
  BUILD=DIR           the build directory (default build)
  LLVM=True           examples: clang + ld.lld instead of GCC (make -C examples/NAME help)
endef
export HELP
# .PHONY targets that are not meant to be typed.
HELP_INTERNAL := FORCE fuzz-systems-deps

help:
	@printf '%s\n' "$$HELP"

include tool/tool.mk
include kernel/kernel.mk
include libmicrokit/libmicrokit.mk
include tests/system/system.mk
include bench/bench.mk
include bench/tool.mk
include tests/codec/codec.mk
include tests/system/configs.mk
include tests/system/stress.mk
include tests/fuzz-systems/fuzz-systems.mk
include scripts/release/release.mk

# ---------------------------------------------------------------- the SDK
# bin/microkit                 the tool
# bin/microkit-run             boots an image with the Microkit QEMU line
# bin/microkit-debug           boots it halted under gdb-multiarch (make debug)
# share/minikit/gdb/minikit.py the GDB extension microkit-debug loads
# bin/microkit-symbolize       a console log with file:line for every PC (share/minikit/symbolize.py)
# bin/microkit-trace           a --trace console log as a Perfetto/Chrome trace or a text timeline (share/minikit/trace.py)
# board/<board>/debug/elf/kernel-trace.elf  the trace kernel microkit --trace uses (VM support included)
# board/<board>/<config>/{include,lib,elf}
#   elf/minikit.elf            the kernel for systems without virtual machines (no VM code)
#   elf/minikit-vm.elf         the kernel with VM support: microkit picks it for a system with a <virtual_machine>
# example/                     every example, buildable in place
SDK_STAMPS := $(foreach c,$(CONFIGS),$(SDK)/board/$(BOARD)/$(c)/.stamp)

sdk: $(SDK)/bin/microkit $(SDK)/bin/microkit-run $(SDK)/bin/microkit-debug $(SDK)/share/minikit/gdb/minikit.py \
	$(SDK)/bin/microkit-symbolize $(SDK)/share/minikit/symbolize.py $(SDK)/example/.stamp $(SDK_STAMPS) \
	$(SDK)/bin/microkit-trace $(SDK)/share/minikit/trace.py $(SDK)/board/$(BOARD)/debug/elf/kernel-trace.elf

$(SDK)/bin/microkit: $(TOOL_BIN)
	@mkdir -p $(dir $@)
	cp $< $@

$(SDK)/bin/microkit-run: scripts/run-qemu.sh
	@mkdir -p $(dir $@)
	cp $< $@

$(SDK)/bin/microkit-debug: scripts/debug-qemu.sh
	@mkdir -p $(dir $@)
	cp $< $@

$(SDK)/share/minikit/gdb/minikit.py: scripts/gdb/minikit.py
	@mkdir -p $(dir $@)
	cp $< $@

$(SDK)/bin/microkit-symbolize: scripts/symbolize/microkit-symbolize
	@mkdir -p $(dir $@)
	cp $< $@

$(SDK)/share/minikit/symbolize.py: scripts/symbolize/symbolize.py
	@mkdir -p $(dir $@)
	cp $< $@

$(SDK)/bin/microkit-trace: scripts/trace/microkit-trace
	@mkdir -p $(dir $@)
	cp $< $@

$(SDK)/share/minikit/trace.py: scripts/trace/trace.py
	@mkdir -p $(dir $@)
	cp $< $@

# After the debug stamp, which empties the directory.
$(SDK)/board/$(BOARD)/debug/elf/kernel-trace.elf: $(BUILD)/kernel/trace/minikit.elf $(SDK)/board/$(BOARD)/debug/.stamp
	cp $< $@

# Every file under examples/ (the tutorial's steps are nested: examples/tutorial/STEP/{start,solution}).
$(SDK)/example/.stamp: $(shell find examples -type f -not -path '*/build/*')
	@rm -rf $(dir $@) && mkdir -p $(dir $@)
	cp -r examples/. $(dir $@)
	@touch $@

$(SDK)/board/$(BOARD)/%/.stamp: $(BUILD)/kernel/%/minikit.elf $(BUILD)/kernel/%-vm/minikit.elf $(BUILD)/libmicrokit/%/libmicrokit.a \
		libmicrokit/microkit.ld $(LIBMICROKIT_HEADERS) include/minikit/systable.h include/minikit/abi.h
	@rm -rf $(dir $@) && mkdir -p $(dir $@)include/kernel $(dir $@)include/minikit $(dir $@)lib $(dir $@)elf
	cp -r libmicrokit/include/. $(dir $@)include/
	cp include/minikit/*.h $(dir $@)include/minikit/
	scripts/gen-config.sh $* > $(dir $@)include/kernel/gen_config.h
	cp $(BUILD)/libmicrokit/$*/libmicrokit.a libmicrokit/microkit.ld $(dir $@)lib/
	cp $(BUILD)/kernel/$*/minikit.elf $(dir $@)elf/
	cp $(BUILD)/kernel/$*-vm/minikit.elf $(dir $@)elf/minikit-vm.elf
	@touch $@

# ---------------------------------------------------------------- examples
# Each example has a Makefile that builds against an SDK exactly as a
# Microkit example does (MICROKIT_SDK, MICROKIT_BOARD, MICROKIT_CONFIG, BUILD_DIR).
examples: sdk
	@set -e; for e in $(EXAMPLES); do \
	  $(MAKE) --no-print-directory -C examples/$$e MICROKIT_SDK=$(ABS_SDK) \
	    MICROKIT_BOARD=$(BOARD) MICROKIT_CONFIG=$(CONFIG) BUILD_DIR=$(ABS_BUILD)/examples/$$e; \
	done

# ---------------------------------------------------------------- run / test
deps:
	@scripts/install-deps.sh

simulate: deps
	@$(MAKE) --no-print-directory examples
	scripts/run-qemu.sh $(BUILD)/examples/shared-memory/loader.img

# The flagship halted under GDB: examples/example.mk's debug target.
debug: deps
	@$(MAKE) --no-print-directory sdk
	@$(MAKE) --no-print-directory -C examples/shared-memory debug MICROKIT_SDK=$(ABS_SDK) \
	    MICROKIT_BOARD=$(BOARD) MICROKIT_CONFIG=$(CONFIG) BUILD_DIR=$(ABS_BUILD)/examples/shared-memory \
	    GDB_FLAGS='$(GDB_FLAGS)'

test: deps
	@$(MAKE) --no-print-directory sdk examples test-deps
	@scripts/run-tests.sh

clean:
	rm -rf $(BUILD)

# ---------------------------------------------------------------- docs
# The flagship's system graph in README.md (microkit --graph; docs/tool.md,
# "System graph"), committed; tests/tool/graph/cases.sh checks it is current.
GRAPH_DOCS_SYSTEM := examples/shared-memory/shared-memory.system

graph-docs: $(TOOL_BIN)
	cd $(dir $(GRAPH_DOCS_SYSTEM)) && $(abspath $(TOOL_BIN)) $(notdir $(GRAPH_DOCS_SYSTEM)) --board $(BOARD) \
		--config debug --graph $(CURDIR)/docs/images/shared-memory.dot
	cd $(dir $(GRAPH_DOCS_SYSTEM)) && $(abspath $(TOOL_BIN)) $(notdir $(GRAPH_DOCS_SYSTEM)) --board $(BOARD) \
		--config debug --graph $(CURDIR)/docs/images/shared-memory.svg

# Fragments add what their tests need to build (PD ELFs, test images) with
# "test-deps::" rules.
test-deps:: sdk
