# Benchmarks. Included by the top Makefile.
#   make bench-ipc   IPC, IRQ and boot figures in instructions, with their cost
#                    curves, compared with bench/expected.txt (QEMU -icount
#                    shift=0: deterministic; see docs/benchmarks.md)

.PHONY: bench bench-ipc bench-ipc-images
bench: bench-ipc

# Every benchmark system: bench/ipc (the headline figures) and the cost curves.
BENCH_SYSTEMS := ipc ipc-2pd ipc-63pd ipc-fan ipc-mem

bench-ipc-images: sdk examples
	@set -e; for s in $(BENCH_SYSTEMS); do \
	  $(MAKE) --no-print-directory -f tests/system/pd.mk TEST_DIR=bench/$$s MICROKIT_SDK=$(ABS_SDK) \
	    MICROKIT_BOARD=$(BOARD) MICROKIT_CONFIG=benchmark BUILD_DIR=$(ABS_BUILD)/bench/$$s \
	    MICROKIT_FLAGS=--exit-when-idle >/dev/null; \
	done

bench-ipc: bench-ipc-images
	@bench/run-ipc.sh $(BUILD) $(BENCH_SYSTEMS)

# Record the current figures as the expected ones (after a deliberate change).
.PHONY: bench-ipc-record
bench-ipc-record: bench-ipc-images
	-@BENCH_ALLOW_WORSE=1 bench/run-ipc.sh $(BUILD) $(BENCH_SYSTEMS) >/dev/null
	@{ echo "# make bench-ipc's figures (instructions; image sizes in bytes), recorded by"; \
	   echo "# make bench-ipc-record. system<TAB>figure<TAB>value"; \
	   cat $(BUILD)/bench/results.txt; } > bench/expected.txt
	@echo "bench/expected.txt: $$(grep -vc '^#' bench/expected.txt) figures"
