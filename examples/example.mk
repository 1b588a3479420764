# The part of every example's Makefile that is the same: build the PDs
# against a Microkit SDK like an upstream Microkit example, generate the
# per-PD headers from the .system, run the microkit tool, boot in QEMU.
# An example's Makefile sets
#   EXAMPLE     its name (the .system file is $(EXAMPLE).system)
#   IMAGES      the program images the .system names
#   HEADERS     its own headers (the PDs are rebuilt when they change)
#   ELF_PREFIX  optional: IMAGES are $(ELF_PREFIX)<source name>.elf
# and includes this file. Usage:
#
#   make MICROKIT_SDK=<sdk> MICROKIT_BOARD=qemu_virt_aarch64 MICROKIT_CONFIG=debug BUILD_DIR=<dir>
#   make ... LLVM=True            clang + ld.lld instead of GCC + GNU ld
#   make ... MICROKIT_FLAGS=...   extra microkit tool options (e.g. --exit-when-idle)
#   make simulate                 build, then boot $(BUILD_DIR)/loader.img in QEMU
#   make debug                    build, then boot it halted under gdb-multiarch with the
#                                 kernel's and every PD's symbols (docs/debugging.md);
#                                 GDB_FLAGS='-batch -x FILE' runs a GDB script
#   make clean                    remove $(BUILD_DIR)
#   make help                     these targets and variables
#   make ... V=1                  every command line in full (default: one short line per step)
#
# MICROKIT_SDK may be relative (to the directory make runs in). Without it:
# inside the repository this file first builds the repository's SDK
# (make -C .. sdk) and uses that; inside an SDK (its example/ directory) it
# uses that SDK. BUILD_DIR defaults to build/ beside the example's Makefile
# (in the repository: build/examples/<path under examples/>).
#
# A copied example directory needs only its own files: its Makefile includes
# ../example.mk when there is one, else $(MICROKIT_SDK)/example/example.mk.

HERE := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
TOP  := $(abspath $(HERE)/..)
EXAMPLE_DIR := $(abspath $(dir $(firstword $(MAKEFILE_LIST))))

ifneq ($(wildcard $(TOP)/tool/tool.mk),)
IN_REPO := 1
# The example's path under examples/ (the tutorial's steps are nested).
BUILD_DIR ?= $(TOP)/build/examples/$(patsubst $(HERE)/%,%,$(EXAMPLE_DIR))
else ifneq ($(wildcard $(TOP)/bin/microkit),)
MICROKIT_SDK ?= $(TOP)
endif
BUILD_DIR ?= $(EXAMPLE_DIR)/build
override BUILD_DIR := $(abspath $(BUILD_DIR))
.DEFAULT_GOAL := all

# Quiet unless V=1: "  CC       client.o" instead of the whole command line.
# Errors and everything the commands print stay visible.
ifeq ($(V),1)
Q :=
step :=
else
Q := @
step = @printf '  %-8s %s\n' '$(1)' '$(patsubst $(BUILD_DIR)/%,%,$(2))';
endif

# make help: every target of an example (tests/tool/make-cases.sh checks the list).
define EXAMPLE_HELP
Targets (an example built against a Minikit SDK, like a Microkit example):
  make all            build $$(BUILD_DIR)/loader.img and report.txt (the default)
  make simulate       build, then boot the image in QEMU (quit: Ctrl-a x)
  make debug          build, then boot it halted under gdb-multiarch with every PD's symbols [GDB_FLAGS=...]
  make clean          remove $$(BUILD_DIR)
  make help           this list

Variables:
  MICROKIT_SDK=DIR    the SDK (default: the repository's build/sdk, or the SDK this example is in)
  MICROKIT_BOARD=B    qemu_virt_aarch64 (the default)
  MICROKIT_CONFIG=C   debug (default), release or benchmark
  BUILD_DIR=DIR       where everything is built
  LLVM=True           clang + ld.lld instead of GCC + GNU ld
  MICROKIT_FLAGS=...  extra microkit tool options (e.g. --exit-when-idle)
  V=1                 show every command line in full
endef
export EXAMPLE_HELP

.PHONY: all simulate debug clean help
help:
	@printf '%s\n' "$$EXAMPLE_HELP"

clean:
	rm -rf $(BUILD_DIR)

ifeq ($(strip $(MICROKIT_SDK)),)

ifeq ($(IN_REPO),1)
all simulate debug:
	$(Q)$(MAKE) -C $(TOP) sdk
	$(Q)$(MAKE) $@ MICROKIT_SDK=$(TOP)/build/sdk
else
$(error MICROKIT_SDK is not set: point it at a Minikit SDK, e.g. make MICROKIT_SDK=/path/to/minikit/build/sdk)
endif

else

override MICROKIT_SDK := $(abspath $(MICROKIT_SDK))
MICROKIT_BOARD  ?= qemu_virt_aarch64
MICROKIT_CONFIG ?= debug
MICROKIT_TOOL   ?= $(MICROKIT_SDK)/bin/microkit

BOARD_DIR := $(MICROKIT_SDK)/board/$(MICROKIT_BOARD)/$(MICROKIT_CONFIG)
ifeq ($(wildcard $(BOARD_DIR)/include/kernel/gen_config.h),)
$(error $(BOARD_DIR) is not an SDK board directory (check MICROKIT_SDK, MICROKIT_BOARD, MICROKIT_CONFIG; build the SDK with make sdk))
endif
ARCH := $(shell grep 'CONFIG_SEL4_ARCH  ' $(BOARD_DIR)/include/kernel/gen_config.h | cut -d' ' -f4)

ifeq ($(ARCH),aarch64)
TARGET_TRIPLE := aarch64-none-elf
CFLAGS_ARCH   := -mstrict-align
# Debian's cross GCC; set TOOLCHAIN=aarch64-none-elf for Arm's bare-metal one.
TOOLCHAIN     ?= aarch64-linux-gnu
else
$(error Unsupported ARCH '$(ARCH)' in $(BOARD_DIR)/include/kernel/gen_config.h)
endif

ifeq ($(strip $(LLVM)),True)
CC := clang -target $(TARGET_TRIPLE)
LD := ld.lld
else
CC := $(TOOLCHAIN)-gcc
LD := $(TOOLCHAIN)-ld
# A Linux-targeting GCC defaults to PIE code and to out-of-line atomics.
CFLAGS_ARCH += -fno-pie -mno-outline-atomics
endif

CFLAGS  := -nostdlib -ffreestanding -g -O3 -Wall -Wno-unused-function -Werror $(CFLAGS_ARCH) -I$(BOARD_DIR)/include
LDFLAGS := -L$(BOARD_DIR)/lib
LIBS    := -lmicrokit -Tmicrokit.ld

SYSTEM_FILE := $(EXAMPLE).system
GEN_DIR     := $(BUILD_DIR)/include
GEN_STAMP   := $(GEN_DIR)/.generated
IMAGE_FILE  := $(BUILD_DIR)/loader.img
REPORT_FILE := $(BUILD_DIR)/report.txt

all: $(IMAGE_FILE)

# Keep the object files between runs.
.SECONDARY:

$(BUILD_DIR):
	$(Q)mkdir -p $@

# Channel ids and mappings by name, from the .system (microkit --gen-headers):
# editing the .system regenerates them and rebuilds the PDs.
$(GEN_STAMP): $(SYSTEM_FILE) $(MICROKIT_TOOL)
	$(call step,GEN,$(GEN_DIR)/microkit_gen/)
	$(Q)$(MICROKIT_TOOL) $(SYSTEM_FILE) --board $(MICROKIT_BOARD) --config $(MICROKIT_CONFIG) --gen-headers $(GEN_DIR)
	$(Q)touch $@

$(BUILD_DIR)/%.o: %.c $(HEADERS) $(GEN_STAMP) Makefile | $(BUILD_DIR)
	$(call step,CC,$@)
	$(Q)$(CC) -c $(CFLAGS) -I$(GEN_DIR) $< -o $@

$(BUILD_DIR)/$(ELF_PREFIX)%.elf: $(BUILD_DIR)/%.o $(BOARD_DIR)/lib/libmicrokit.a
	$(call step,LD,$@)
	$(Q)$(LD) $(LDFLAGS) $< $(LIBS) -o $@

$(IMAGE_FILE) $(REPORT_FILE) &: $(addprefix $(BUILD_DIR)/,$(IMAGES)) $(SYSTEM_FILE) $(MICROKIT_TOOL)
	$(call step,MICROKIT,$(IMAGE_FILE))
	$(Q)$(MICROKIT_TOOL) $(SYSTEM_FILE) --search-path $(BUILD_DIR) --board $(MICROKIT_BOARD) \
		--config $(MICROKIT_CONFIG) -o $(IMAGE_FILE) -r $(REPORT_FILE) $(MICROKIT_FLAGS)

# The Microkit QEMU line, from the SDK (bin/microkit-run).
simulate: $(IMAGE_FILE)
	$(MICROKIT_SDK)/bin/microkit-run $(IMAGE_FILE)

# QEMU halted with its GDB stub, gdb-multiarch attached with the Minikit
# extension (share/minikit/gdb/minikit.py: info pds, pd-break, each PD's symbols).
# The kernel's symbols come from the kernel the tool put in the image, which
# the report names (elf/minikit-vm.elf for a system with virtual machines).
GDB_FLAGS ?=
debug: $(IMAGE_FILE)
	$(MICROKIT_SDK)/bin/microkit-debug $(IMAGE_FILE) "$$(sed -n 's/^kernel: *//p' $(REPORT_FILE))" $(REPORT_FILE) $(GDB_FLAGS)

endif
