# Builds a system test from its own sources, against an SDK, the way an
# example is built: every <pd>.c in TEST_DIR becomes <pd>.elf, and the one
# .system file there becomes loader.img.
#
#   make -f tests/system/pd.mk TEST_DIR=tests/system/<name> MICROKIT_SDK=<abs sdk> \
#        MICROKIT_BOARD=qemu_virt_aarch64 MICROKIT_CONFIG=debug BUILD_DIR=<abs dir> [LLVM=True]

ifeq ($(strip $(TEST_DIR)),)
$(error TEST_DIR must be specified)
endif
ifeq ($(strip $(MICROKIT_SDK)),)
$(error MICROKIT_SDK must be specified)
endif
ifeq ($(strip $(BUILD_DIR)),)
$(error BUILD_DIR must be specified)
endif

MICROKIT_BOARD  ?= qemu_virt_aarch64
MICROKIT_CONFIG ?= debug
MICROKIT_TOOL   ?= $(MICROKIT_SDK)/bin/microkit
BOARD_DIR       := $(MICROKIT_SDK)/board/$(MICROKIT_BOARD)/$(MICROKIT_CONFIG)
TOOLCHAIN       ?= aarch64-linux-gnu

ifeq ($(strip $(LLVM)),True)
CC := clang -target aarch64-none-elf
LD := ld.lld
CFLAGS_CC :=
else
CC := $(TOOLCHAIN)-gcc
LD := $(TOOLCHAIN)-ld
CFLAGS_CC := -fno-pie -mno-outline-atomics
endif

# Sources several tests share (tests/system/common), included by name.
COMMON_DIR := $(dir $(TEST_DIR))common

CFLAGS  := -nostdlib -ffreestanding -g -O2 -Wall -Wextra -Werror -mstrict-align $(CFLAGS_CC) \
	-I$(BOARD_DIR)/include -I$(TEST_DIR) -I$(COMMON_DIR)
LDFLAGS := -L$(BOARD_DIR)/lib
LIBS    := -lmicrokit -Tmicrokit.ld

# Extra tool options a test needs (e.g. --exit-when-idle), one line in TEST_DIR/microkit-flags.
MICROKIT_FLAGS += $(shell cat $(TEST_DIR)/microkit-flags 2>/dev/null)

SOURCES     := $(wildcard $(TEST_DIR)/*.c)
HEADERS     := $(wildcard $(TEST_DIR)/*.h $(COMMON_DIR)/*.h $(COMMON_DIR)/*.c)
ELFS        := $(patsubst $(TEST_DIR)/%.c,$(BUILD_DIR)/%.elf,$(SOURCES))
SYSTEM_FILE := $(wildcard $(TEST_DIR)/*.system)

ifneq ($(words $(SYSTEM_FILE)),1)
$(error $(TEST_DIR) must contain exactly one .system file (found: $(or $(SYSTEM_FILE),none)))
endif

.PHONY: all
all: $(BUILD_DIR)/loader.img

.SECONDARY:

$(BUILD_DIR)/%.o: $(TEST_DIR)/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) -c $(CFLAGS) $< -o $@

$(BUILD_DIR)/%.elf: $(BUILD_DIR)/%.o $(BOARD_DIR)/lib/libmicrokit.a
	$(LD) $(LDFLAGS) $< $(LIBS) -o $@

$(BUILD_DIR)/loader.img $(BUILD_DIR)/report.txt &: $(ELFS) $(SYSTEM_FILE) $(MICROKIT_TOOL)
	$(MICROKIT_TOOL) $(SYSTEM_FILE) --search-path $(BUILD_DIR) --board $(MICROKIT_BOARD) \
		--config $(MICROKIT_CONFIG) -o $(BUILD_DIR)/loader.img -r $(BUILD_DIR)/report.txt $(MICROKIT_FLAGS)
