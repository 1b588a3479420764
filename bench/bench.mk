# Benchmarks. Included by the top Makefile.
#   make bench-ipc   PPC and notification round trips and boot time, in instructions
#                    (QEMU -icount shift=0: deterministic; see docs/benchmarks.md)

.PHONY: bench bench-ipc
bench: bench-ipc

bench-ipc: sdk examples
	@echo "flagship loader.img: $$(wc -c < $(BUILD)/examples/shared-memory/loader.img) bytes"
	@$(MAKE) --no-print-directory -f tests/system/pd.mk TEST_DIR=bench/ipc MICROKIT_SDK=$(ABS_SDK) \
	  MICROKIT_BOARD=$(BOARD) MICROKIT_CONFIG=benchmark BUILD_DIR=$(ABS_BUILD)/bench/ipc \
	  MICROKIT_FLAGS=--exit-when-idle
	@bench/run-ipc.sh $(BUILD)/bench/ipc/loader.img
