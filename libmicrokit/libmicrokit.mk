# libmicrokit: the PD runtime, one libmicrokit.a per configuration.
#
#   $(BUILD)/libmicrokit/<config>/include/kernel/gen_config.h   from scripts/gen-config.sh
#   $(BUILD)/libmicrokit/<config>/obj/*.o
#   $(BUILD)/libmicrokit/<config>/libmicrokit.a

LIBMICROKIT_HEADERS := $(wildcard libmicrokit/include/*.h libmicrokit/include/*/*.h libmicrokit/src/*.h)
LIBMICROKIT_SRCS    := $(wildcard libmicrokit/src/*.c libmicrokit/src/*.S)
LIBMICROKIT_OBJS     = $(patsubst libmicrokit/src/%,$(BUILD)/libmicrokit/$(1)/obj/%.o,$(LIBMICROKIT_SRCS))

# Everything but the start-up (crt0.S, main.c) and the variables the tool
# patches (globals.c) goes into the archive one function per member
# (split-functions.sh), so a PD links only the functions it calls: PD links
# do not use --gc-sections, and the postcard codec alone is 5 KiB.
LIBMICROKIT_SPLIT   := dbg.c diag.c mem.c postcard.c postcard_read.c postcard_write.c postcard_wire.c
LIBMICROKIT_WHOLE    = $(filter-out $(patsubst %,$(BUILD)/libmicrokit/$(1)/obj/%.o,$(LIBMICROKIT_SPLIT)),$(call LIBMICROKIT_OBJS,$(1)))

# -fno-tree-loop-distribute-patterns: keep GCC from compiling mem.c's loops
# into calls to memcpy/memset themselves. -ffunction-sections: for
# split-functions.sh.
LIBMICROKIT_CFLAGS := -ffreestanding -nostdlib -fno-pie -mno-outline-atomics -mstrict-align \
	-fno-tree-loop-distribute-patterns -ffunction-sections -O2 -g -Wall -Wextra -Werror \
	-Ilibmicrokit/include -Iinclude

# microkit_dbg_* print in these configurations (libmicrokit/src/dbg.c).
libmicrokit_cfg_flags_debug     := -DMK_DBG_PRINTING
libmicrokit_cfg_flags_benchmark := -DMK_DBG_PRINTING

define LIBMICROKIT_CONFIG_RULES
$(BUILD)/libmicrokit/$(1)/include/kernel/gen_config.h: scripts/gen-config.sh
	@mkdir -p $$(@D)
	scripts/gen-config.sh $(1) > $$@

$(BUILD)/libmicrokit/$(1)/obj/%.o: libmicrokit/src/% $(LIBMICROKIT_HEADERS) include/minikit/abi.h libmicrokit/libmicrokit.mk \
		$(BUILD)/libmicrokit/$(1)/include/kernel/gen_config.h
	@mkdir -p $$(@D)
	$(CROSS)gcc $(LIBMICROKIT_CFLAGS) $(libmicrokit_cfg_flags_$(1)) -I$(BUILD)/libmicrokit/$(1)/include -c $$< -o $$@

$(BUILD)/libmicrokit/$(1)/split/%/.done: $(BUILD)/libmicrokit/$(1)/obj/% libmicrokit/split-functions.sh
	CROSS=$(CROSS) libmicrokit/split-functions.sh $$< $$(@D)
	@touch $$@

# The shell expands the split members' names (make's $$(wildcard) may not
# see files made during the same run).
$(BUILD)/libmicrokit/$(1)/libmicrokit.a: $(call LIBMICROKIT_WHOLE,$(1)) \
		$(patsubst %,$(BUILD)/libmicrokit/$(1)/split/%.o/.done,$(LIBMICROKIT_SPLIT))
	@rm -f $$@
	$(CROSS)ar rcs $$@ $(call LIBMICROKIT_WHOLE,$(1)) \
		$(patsubst %,$(BUILD)/libmicrokit/$(1)/split/%.o/*.o,$(LIBMICROKIT_SPLIT))
endef
$(foreach c,$(CONFIGS),$(eval $(call LIBMICROKIT_CONFIG_RULES,$(c))))
