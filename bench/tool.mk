# Tool benchmark: the microkit tool on a generated 63-PD system (~1800 channels,
# ~1000 maps). Included by the top Makefile.
#   make bench-tool [BENCH_TOOL_RUNS=N]   prints the median run time of the tool and of each of its phases

BENCH_TOOL_DIR  := $(BUILD)/bench/tool
BENCH_TOOL_RUNS ?= 21

$(BENCH_TOOL_DIR)/bench.system: bench/tool/gen.py
	@mkdir -p $(dir $@)
	python3 $< $@

$(BENCH_TOOL_DIR)/pd.elf: bench/tool/pd.c $(TOOL_TEST_BOARD)/.stamp
	@mkdir -p $(dir $@)
	$(TOOL_TEST_CC) -o $@ $< $(TOOL_TEST_LINK)

.PHONY: bench-tool
bench-tool: $(SDK)/bin/microkit $(BENCH_TOOL_DIR)/bench.system $(BENCH_TOOL_DIR)/pd.elf
	@MICROKIT_SDK=$(ABS_SDK) bench/tool/run.sh $(SDK)/bin/microkit $(BENCH_TOOL_DIR)/bench.system \
	  $(BENCH_TOOL_DIR) $(BENCH_TOOL_RUNS)
