# The kernel, built once per configuration into $(BUILD)/kernel/<config>/minikit.elf.
#   debug      console output (MK_CONFIG_PRINTING), boot-time checks (MK_CONFIG_DEBUG: vspace_check.c), -Os
#   release    prints nothing
#   benchmark  console output, no debug checks, and the PMU cycle counter readable from EL0
# and one variant, not a config: $(BUILD)/kernel/trace/minikit.elf, the debug
# kernel with the event timeline (MK_CONFIG_TRACE: core/trace.c), shipped as
# board/<board>/debug/elf/kernel-trace.elf for microkit --trace. It runs
# every syscall on the C paths; the three configs' kernels do not contain a
# byte of it.

KERNEL_SRCS := $(wildcard kernel/core/*.c kernel/arch/aarch64/*.c kernel/arch/aarch64/*.S kernel/plat/qemu_virt/*.c)
KERNEL_HDRS := $(wildcard kernel/core/*.h kernel/arch/aarch64/*.h kernel/plat/qemu_virt/*.h include/minikit/*.h)

KERNEL_CFLAGS := -std=gnu11 -g -Wall -Wextra -Werror -ffreestanding -nostdlib -fno-pie -fno-pic \
	-mgeneral-regs-only -mno-outline-atomics -fno-stack-protector -fno-common -mcmodel=small \
	-Iinclude -Ikernel/core -Ikernel/arch/aarch64 -Ikernel/plat/qemu_virt

# The debug kernel is built for size (-Os: about 4 KiB less text, one page of
# every debug image); release and benchmark for speed. The IPC fast paths are
# assembly (fastpath.S), the same in every configuration.
kernel_cfg_flags_debug     := -Os -DMK_CONFIG_PRINTING -DMK_CONFIG_DEBUG -DMK_CONFIG_NAME='"debug"'
kernel_cfg_flags_release   := -O2 -DMK_CONFIG_NAME='"release"'
kernel_cfg_flags_benchmark := -O2 -DMK_CONFIG_BENCHMARK -DMK_CONFIG_PRINTING -DMK_CONFIG_NAME='"benchmark"'
kernel_cfg_flags_trace     := -Os -DMK_CONFIG_PRINTING -DMK_CONFIG_DEBUG -DMK_CONFIG_TRACE -DMK_CONFIG_NAME='"debug (trace)"'
KERNEL_VARIANTS := $(CONFIGS) trace

# W^X in the kernel ELF itself: the link fails if any segment is both writable
# and executable (binutils 2.39 and later have the option; Debian 12 has 2.40).
KERNEL_LDFLAGS := -nostdlib -static -n $(shell $(CROSS)ld --help 2>/dev/null | grep -q -- --warn-rwx-segments \
	&& echo --warn-rwx-segments --fatal-warnings)

kernel_objs = $(patsubst kernel/%,$(BUILD)/kernel/$(1)/obj/%.o,$(KERNEL_SRCS))

define kernel_rules
$(BUILD)/kernel/$(1)/obj/%.c.o: kernel/%.c $(KERNEL_HDRS) kernel/kernel.mk
	@mkdir -p $$(dir $$@)
	$(CROSS)gcc $(KERNEL_CFLAGS) $(kernel_cfg_flags_$(1)) -c $$< -o $$@

$(BUILD)/kernel/$(1)/obj/%.S.o: kernel/%.S $(KERNEL_HDRS) kernel/kernel.mk
	@mkdir -p $$(dir $$@)
	$(CROSS)gcc $(KERNEL_CFLAGS) $(kernel_cfg_flags_$(1)) -c $$< -o $$@

$(BUILD)/kernel/$(1)/minikit.elf: $(call kernel_objs,$(1)) kernel/arch/aarch64/kernel.ld
	$(CROSS)ld $(KERNEL_LDFLAGS) -T kernel/arch/aarch64/kernel.ld -o $$@ $(call kernel_objs,$(1))
endef
$(foreach c,$(KERNEL_VARIANTS),$(eval $(call kernel_rules,$(c))))

.PHONY: kernel
kernel: $(foreach c,$(KERNEL_VARIANTS),$(BUILD)/kernel/$(c)/minikit.elf)
