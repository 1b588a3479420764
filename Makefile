# Minikit top-level build.
#
#   make simulate   install what is missing, build, boot the flagship in QEMU
#   make debug      the flagship under gdb-multiarch (GDB_FLAGS='-batch -x F')
#   make test       the whole test suite; ends with "N passed, N failed"
#   make sdk        build/sdk/ in the Microkit SDK layout
#   make examples   build/examples/<name>/loader.img for every example
#   make release    build/release/minikit-sdk-<version>-linux-x86_64.tar.gz
#
# Each part of the tree brings its own fragment: tool/tool.mk,
# kernel/kernel.mk, libmicrokit/libmicrokit.mk. They share the variables below.

BUILD   ?= build
BOARD   := qemu_virt_aarch64
CONFIGS := debug release benchmark
CONFIG  ?= debug
CROSS   ?= aarch64-linux-gnu-
HOSTCC  ?= gcc

ABS_BUILD := $(abspath $(BUILD))
export BUILD
SDK       := $(BUILD)/sdk
ABS_SDK   := $(abspath $(SDK))
BOARD_DIR  = $(SDK)/board/$(BOARD)/$(1)

EXAMPLES := $(notdir $(patsubst %/Makefile,%,$(wildcard examples/*/Makefile)))

.PHONY: all sdk examples simulate debug test deps clean help
all: sdk

help:
	@sed -n '3,10p' Makefile | sed 's/^# //'

include tool/tool.mk
include kernel/kernel.mk
include libmicrokit/libmicrokit.mk
include tests/system/system.mk
include bench/bench.mk
include bench/tool.mk
include tests/codec/codec.mk
include tests/system/configs.mk
include tests/system/stress.mk
include scripts/release/release.mk

# ---------------------------------------------------------------- the SDK
# bin/microkit                 the tool
# bin/microkit-run             boots an image with the Microkit QEMU line
# bin/microkit-debug           boots it halted under gdb-multiarch (make debug)
# share/minikit/gdb/minikit.py the GDB extension microkit-debug loads
# bin/microkit-symbolize       a console log with file:line for every PC (share/minikit/symbolize.py)
# board/<board>/<config>/{include,lib,elf}
# example/                     every example, buildable in place
SDK_STAMPS := $(foreach c,$(CONFIGS),$(SDK)/board/$(BOARD)/$(c)/.stamp)

sdk: $(SDK)/bin/microkit $(SDK)/bin/microkit-run $(SDK)/bin/microkit-debug $(SDK)/share/minikit/gdb/minikit.py \
	$(SDK)/bin/microkit-symbolize $(SDK)/share/minikit/symbolize.py $(SDK)/example/.stamp $(SDK_STAMPS)

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

# Every file under examples/ (the tutorial's steps are nested: examples/tutorial/STEP/{start,solution}).
$(SDK)/example/.stamp: $(shell find examples -type f -not -path '*/build/*')
	@rm -rf $(dir $@) && mkdir -p $(dir $@)
	cp -r examples/. $(dir $@)
	@touch $@

$(SDK)/board/$(BOARD)/%/.stamp: $(BUILD)/kernel/%/minikit.elf $(BUILD)/libmicrokit/%/libmicrokit.a \
		libmicrokit/microkit.ld $(LIBMICROKIT_HEADERS) include/minikit/systable.h include/minikit/abi.h
	@rm -rf $(dir $@) && mkdir -p $(dir $@)include/kernel $(dir $@)include/minikit $(dir $@)lib $(dir $@)elf
	cp -r libmicrokit/include/. $(dir $@)include/
	cp include/minikit/*.h $(dir $@)include/minikit/
	scripts/gen-config.sh $* > $(dir $@)include/kernel/gen_config.h
	cp $(BUILD)/libmicrokit/$*/libmicrokit.a libmicrokit/microkit.ld $(dir $@)lib/
	cp $(BUILD)/kernel/$*/minikit.elf $(dir $@)elf/
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

# Fragments add what their tests need to build (PD ELFs, test images) with
# "test-deps::" rules.
test-deps:: sdk
