# libmicrokit: the PD runtime, one libmicrokit.a per configuration.
#
#   $(BUILD)/libmicrokit/<config>/include/kernel/gen_config.h   from scripts/gen-config.sh
#   $(BUILD)/libmicrokit/<config>/obj/*.o
#   $(BUILD)/libmicrokit/<config>/libmicrokit.a

LIBMICROKIT_HEADERS := $(wildcard libmicrokit/include/*.h libmicrokit/include/*/*.h)
LIBMICROKIT_SRCS    := $(wildcard libmicrokit/src/*.c libmicrokit/src/*.S)
LIBMICROKIT_OBJS     = $(patsubst libmicrokit/src/%,$(BUILD)/libmicrokit/$(1)/obj/%.o,$(LIBMICROKIT_SRCS))

# -fno-tree-loop-distribute-patterns: keep GCC from compiling mem.c's loops
# into calls to memcpy/memset themselves.
LIBMICROKIT_CFLAGS := -ffreestanding -nostdlib -fno-pie -mno-outline-atomics -mstrict-align \
	-fno-tree-loop-distribute-patterns -O2 -g -Wall -Wextra -Werror \
	-Ilibmicrokit/include -Iinclude

# microkit_dbg_* print in these configurations (libmicrokit/src/dbg.c).
libmicrokit_cfg_flags_debug     := -DMK_DBG_PRINTING
libmicrokit_cfg_flags_benchmark := -DMK_DBG_PRINTING

define LIBMICROKIT_CONFIG_RULES
$(BUILD)/libmicrokit/$(1)/include/kernel/gen_config.h: scripts/gen-config.sh
	@mkdir -p $$(@D)
	scripts/gen-config.sh $(1) > $$@

$(BUILD)/libmicrokit/$(1)/obj/%.o: libmicrokit/src/% $(LIBMICROKIT_HEADERS) include/minikit/abi.h \
		$(BUILD)/libmicrokit/$(1)/include/kernel/gen_config.h
	@mkdir -p $$(@D)
	$(CROSS)gcc $(LIBMICROKIT_CFLAGS) $(libmicrokit_cfg_flags_$(1)) -I$(BUILD)/libmicrokit/$(1)/include -c $$< -o $$@

$(BUILD)/libmicrokit/$(1)/libmicrokit.a: $(call LIBMICROKIT_OBJS,$(1))
	@rm -f $$@
	$(CROSS)ar rcs $$@ $$^
endef
$(foreach c,$(CONFIGS),$(eval $(call LIBMICROKIT_CONFIG_RULES,$(c))))
