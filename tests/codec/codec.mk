# The postcard codec's host tests (tests/codec/run.sh) and fuzz target.
# Included by the top Makefile.
#
#   make fuzz-codec [FUZZ_SECONDS=600]   libFuzzer on the reader; corpus and
#                                        crashes in $(BUILD)/tests/codec/

CODEC_DIR    := $(BUILD)/tests/codec
CODEC_SRCS   := $(wildcard libmicrokit/src/postcard*.c)
CODEC_DEPS   := $(CODEC_SRCS) libmicrokit/src/postcard_internal.h libmicrokit/include/microkit/postcard.h
CODEC_CFLAGS := -std=c11 -g -Wall -Wextra -Werror -Wpedantic -Ilibmicrokit/include
FUZZ_SECONDS ?= 600

$(CODEC_DIR)/test_codec: tests/codec/test_codec.c $(CODEC_DEPS)
	@mkdir -p $(@D)
	$(HOSTCC) $(CODEC_CFLAGS) -O2 -o $@ $< $(CODEC_SRCS)

$(CODEC_DIR)/test_codec_san: tests/codec/test_codec.c $(CODEC_DEPS)
	@mkdir -p $(@D)
	$(HOSTCC) $(CODEC_CFLAGS) -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
		-fno-omit-frame-pointer -o $@ $< $(CODEC_SRCS)

$(CODEC_DIR)/fuzz_reader: tests/codec/fuzz_reader.c $(CODEC_DEPS)
	@mkdir -p $(@D)
	clang $(CODEC_CFLAGS) -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-o $@ $< $(CODEC_SRCS)

# One file per line of seeds.txt: [number of reads][read types][message].
$(CODEC_DIR)/seeds/.stamp: tests/codec/seeds.txt
	@rm -rf $(@D) && mkdir -p $(@D)
	@grep -v '^#' $< | while read -r name ops msg; do \
	  printf '%02x%s%s' $$(($${#ops} / 2)) "$$ops" "$$msg" | xxd -r -p > $(@D)/$$name; \
	done
	@touch $@

.PHONY: fuzz-codec
fuzz-codec: $(CODEC_DIR)/fuzz_reader $(CODEC_DIR)/seeds/.stamp
	@mkdir -p $(CODEC_DIR)/corpus $(CODEC_DIR)/crashes
	$(CODEC_DIR)/fuzz_reader -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
		-artifact_prefix=$(CODEC_DIR)/crashes/ $(CODEC_DIR)/corpus $(CODEC_DIR)/seeds

test-deps:: $(CODEC_DIR)/test_codec $(CODEC_DIR)/test_codec_san $(CODEC_DIR)/fuzz_reader $(CODEC_DIR)/seeds/.stamp
