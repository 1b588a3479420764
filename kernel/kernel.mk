# The kernel, built once per configuration into $(BUILD)/kernel/<config>/minikit.elf.
#   debug      console output (MK_CONFIG_PRINTING), boot-time checks (MK_CONFIG_DEBUG: vspace_check.c), -Os
#   release    prints nothing
#   benchmark  console output, no debug checks, and the PMU cycle counter readable from EL0
# and once more with VM support (MK_CONFIG_VM: the EL2 world switch, vCPUs,
# stage 2, the virtual GIC; core/vm.h) into $(BUILD)/kernel/<config>-vm/minikit.elf,
# shipped as board/<board>/<config>/elf/minikit-vm.elf: the tool picks it
# exactly for a system with a <virtual_machine>. The kernels without VM
# support hold none of that code (core/vm_none.c refuses a system with VMs).
# One more variant: $(BUILD)/kernel/trace/minikit.elf, the debug kernel with
# VM support and the event timeline (MK_CONFIG_TRACE: core/trace.c),
# shipped as board/<board>/debug/elf/kernel-trace.elf for microkit --trace,
# with or without VMs. It runs every syscall on the C paths; the other
# kernels do not contain a byte of it.

KERNEL_SRCS := $(wildcard kernel/core/*.c kernel/arch/aarch64/*.c kernel/arch/aarch64/*.S kernel/plat/qemu_virt/*.c)
# Only in the kernels with VM support, and only in those without.
KERNEL_VM_SRCS := kernel/arch/aarch64/el2.S kernel/arch/aarch64/vcpu.c kernel/arch/aarch64/stage2.c \
	kernel/arch/aarch64/vm_boot.c kernel/plat/qemu_virt/vgic.c kernel/core/vcpu_sys.c
KERNEL_NOVM_SRCS := kernel/core/vm_none.c
KERNEL_COMMON_SRCS := $(filter-out $(KERNEL_VM_SRCS) $(KERNEL_NOVM_SRCS),$(KERNEL_SRCS))
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
kernel_cfg_flags_debug-vm     := -Os -DMK_CONFIG_VM -DMK_CONFIG_PRINTING -DMK_CONFIG_DEBUG -DMK_CONFIG_NAME='"debug (VMs)"'
kernel_cfg_flags_release-vm   := -O2 -DMK_CONFIG_VM -DMK_CONFIG_NAME='"release (VMs)"'
kernel_cfg_flags_benchmark-vm := -O2 -DMK_CONFIG_VM -DMK_CONFIG_BENCHMARK -DMK_CONFIG_PRINTING -DMK_CONFIG_NAME='"benchmark (VMs)"'
kernel_cfg_flags_trace     := -Os -DMK_CONFIG_VM -DMK_CONFIG_PRINTING -DMK_CONFIG_DEBUG -DMK_CONFIG_TRACE -DMK_CONFIG_NAME='"debug (trace)"'
KERNEL_VARIANTS := $(CONFIGS) $(addsuffix -vm,$(CONFIGS)) trace
kernel_has_vm = $(filter %-vm trace,$(1))

# W^X in the kernel ELF itself: the link fails if any segment is both writable
# and executable (binutils 2.39 and later have the option; Debian 12 has 2.40).
KERNEL_LDFLAGS := -nostdlib -static -n $(shell $(CROSS)ld --help 2>/dev/null | grep -q -- --warn-rwx-segments \
	&& echo --warn-rwx-segments --fatal-warnings)

kernel_srcs = $(KERNEL_COMMON_SRCS) $(if $(call kernel_has_vm,$(1)),$(KERNEL_VM_SRCS),$(KERNEL_NOVM_SRCS))
kernel_objs = $(patsubst kernel/%,$(BUILD)/kernel/$(1)/obj/%.o,$(call kernel_srcs,$(1)))

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
