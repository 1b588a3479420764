# System tests of the release and benchmark configs. Included by the top
# Makefile. PDs cannot print in either, so these systems are built with
# --exit-when-idle: their tests judge by QEMU powering off (silently, for
# release).

# tests/system/release-silent: the flagship in release.
test-deps:: sdk
	@$(MAKE) --no-print-directory -C examples/shared-memory MICROKIT_SDK=$(ABS_SDK) MICROKIT_BOARD=$(BOARD) \
	  MICROKIT_CONFIG=release MICROKIT_FLAGS=--exit-when-idle BUILD_DIR=$(ABS_BUILD)/examples-release/shared-memory

# tests/system/benchmark-counter, in benchmark (system.mk builds it in debug too).
test-deps:: sdk
	@$(MAKE) --no-print-directory -f tests/system/pd.mk TEST_DIR=tests/system/benchmark-counter \
	  MICROKIT_SDK=$(ABS_SDK) MICROKIT_BOARD=$(BOARD) MICROKIT_CONFIG=benchmark MICROKIT_FLAGS=--exit-when-idle \
	  BUILD_DIR=$(ABS_BUILD)/tests/system-benchmark/benchmark-counter

# gen_config.h of every configuration: the defines that differ between them
# (tests/system/gen-config-check.c; compile only).
test-deps:: sdk
	@set -e; for c in $(CONFIGS); do \
	  $(CROSS)gcc -fsyntax-only -ffreestanding -Wall -Werror -DEXPECT_$$(echo $$c | tr a-z A-Z) \
	    -I$(SDK)/board/$(BOARD)/$$c/include tests/system/gen-config-check.c; \
	done
