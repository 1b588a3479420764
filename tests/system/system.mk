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
