# QEMU system tests (tests/system/run.py). Included by the top Makefile.
# Tests that bring their own sources (a .system file in their directory) are
# built by tests/system/pd.mk into $(BUILD)/tests/system/<name>/; the others
# boot an example image, which "make examples" builds.

SYSTEM_TEST_SRC_DIRS := $(patsubst %/,%,$(sort $(dir $(wildcard tests/system/*/*.system))))

.PHONY: system-tests
test-deps:: sdk
	@set -e; for d in $(SYSTEM_TEST_SRC_DIRS); do \
	  $(MAKE) --no-print-directory -f tests/system/pd.mk TEST_DIR=$$d MICROKIT_SDK=$(ABS_SDK) \
	    MICROKIT_BOARD=$(BOARD) MICROKIT_CONFIG=$(CONFIG) BUILD_DIR=$(ABS_BUILD)/tests/system/$${d##*/}; \
	done

# Only the QEMU tests, on what is already built: make system-tests [SYSTEM_TESTS="name..."]
system-tests:
	python3 tests/system/run.py --build $(BUILD) $(SYSTEM_TESTS)

# The flagship once more, built with clang and ld.lld (LLVM=True), as
# Microkit example Makefiles allow: tests/system/shared-memory-llvm.
test-deps:: sdk
	@$(MAKE) --no-print-directory -C examples/shared-memory MICROKIT_SDK=$(ABS_SDK) MICROKIT_BOARD=$(BOARD) \
	  MICROKIT_CONFIG=$(CONFIG) BUILD_DIR=$(ABS_BUILD)/examples-llvm/shared-memory LLVM=True

# The flagship with other channel ids in its .system and no other change:
# tests/system/shared-memory-ids. Its PDs name channels through the generated
# headers, so the same sources must work. The copy is rewritten only when it
# would change, so an up-to-date image is not rebuilt.
SM_IDS_DIR := $(ABS_BUILD)/examples-ids/shared-memory
test-deps:: sdk
	@mkdir -p $(SM_IDS_DIR)
	@sed -e 's/id="13"/id="5"/' -e 's/id="37"/id="60"/' examples/shared-memory/shared-memory.system \
	  > $(SM_IDS_DIR)/shared-memory.system.new
	@grep -q 'id="5"' $(SM_IDS_DIR)/shared-memory.system.new && grep -q 'id="60"' $(SM_IDS_DIR)/shared-memory.system.new \
	  || { echo "shared-memory-ids: the flagship's channel ids are no longer 13 and 37; update system.mk"; exit 1; }
	@cmp -s $(SM_IDS_DIR)/shared-memory.system.new $(SM_IDS_DIR)/shared-memory.system \
	  && rm $(SM_IDS_DIR)/shared-memory.system.new || mv $(SM_IDS_DIR)/shared-memory.system.new $(SM_IDS_DIR)/shared-memory.system
	@$(MAKE) --no-print-directory -C examples/shared-memory MICROKIT_SDK=$(ABS_SDK) MICROKIT_BOARD=$(BOARD) \
	  MICROKIT_CONFIG=$(CONFIG) BUILD_DIR=$(SM_IDS_DIR) SYSTEM_FILE=$(SM_IDS_DIR)/shared-memory.system

# Good systems of the tool's corpus that must also boot without a kernel
# panic (nothing the tool accepts may make the kernel panic): the device
# ownership cases and the virtual machines. tests/system/boot-<name>/ boots each.
TOOL_GOOD_BOOT := region-paddr devices-kept smc vm vm-max-vcpus vm-domains
test-deps:: sdk $(TOOL_TEST_ELFS)
	@set -e; for s in $(TOOL_GOOD_BOOT); do \
	  mkdir -p $(BUILD)/tests/system/boot-$$s; \
	  $(SDK)/bin/microkit tests/tool/good/$$s.system --search-path $(TOOL_TEST_DIR)/elf --board $(BOARD) \
	    --config debug -o $(BUILD)/tests/system/boot-$$s/loader.img -r $(BUILD)/tests/system/boot-$$s/report.txt \
	    --exit-when-idle >/dev/null; \
	done

# The kernel without VM support given a system with VMs (tests/system/vm-no-vm-kernel:
# an SDK mix-up, --override-kernel), and a system without VMs whose table was edited
# to say it has some (vm-flag-no-vm-kernel: the flag alone, no vCPU entry). Both stop
# at boot saying the kernel was built without VM support.
test-deps:: sdk $(TOOL_TEST_ELFS)
	@mkdir -p $(BUILD)/tests/system/vm-no-vm-kernel $(BUILD)/tests/system/vm-flag-no-vm-kernel
	@$(SDK)/bin/microkit tests/tool/good/vm.system --search-path $(TOOL_TEST_DIR)/elf --board $(BOARD) \
	  --config debug --override-kernel $(SDK)/board/$(BOARD)/debug/elf/minikit.elf \
	  -o $(BUILD)/tests/system/vm-no-vm-kernel/loader.img -r $(BUILD)/tests/system/vm-no-vm-kernel/report.txt >/dev/null
	@$(SDK)/bin/microkit tests/tool/good/minimal.system --search-path $(TOOL_TEST_DIR)/elf --board $(BOARD) \
	  --config debug -o $(BUILD)/tests/system/vm-flag-no-vm-kernel/loader.img \
	  -r $(BUILD)/tests/system/vm-flag-no-vm-kernel/report.txt >/dev/null
	@python3 tests/system/vm-flag-no-vm-kernel/set-vms-flag.py $(BUILD)/tests/system/vm-flag-no-vm-kernel/loader.img

# The vm example with a hostile /init (tests/system/vm-hostile-guest/init):
# the same VMM, another guest program.
test-deps:: sdk
	@$(MAKE) --no-print-directory -C examples/vm MICROKIT_SDK=$(ABS_SDK) MICROKIT_BOARD=$(BOARD) \
	  MICROKIT_CONFIG=$(CONFIG) BUILD_DIR=$(ABS_BUILD)/tests/system/vm-hostile-guest \
	  GUEST_INIT=$(abspath tests/system/vm-hostile-guest/init)
