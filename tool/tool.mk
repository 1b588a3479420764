# The microkit host tool. Included by the top-level Makefile (BUILD, HOSTCC, ...).

TOOL_SRCS := $(wildcard tool/*.c)
TOOL_HDRS := $(wildcard tool/*.h) include/minikit/systable.h include/minikit/board.h include/minikit/symtab.h
TOOL_BIN  := $(BUILD)/tool/microkit
TOOL_ASAN := $(BUILD)/tool-asan/microkit

TOOL_CFLAGS = -std=gnu11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Werror -Iinclude
TOOL_LIBS   = -lelf

$(TOOL_BIN): $(TOOL_SRCS) $(TOOL_HDRS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(TOOL_CFLAGS) -o $@ $(TOOL_SRCS) $(TOOL_LIBS)

# The same tool under AddressSanitizer and UndefinedBehaviorSanitizer, for the bad-input corpus.
$(TOOL_ASAN): $(TOOL_SRCS) $(TOOL_HDRS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(TOOL_CFLAGS) -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
		-fno-omit-frame-pointer -o $@ $(TOOL_SRCS) $(TOOL_LIBS)

include tests/tool/tests.mk

# docs/tool.md's list of checks, regenerated from the bad corpus.
.PHONY: tool-docs
tool-docs:
	tests/tool/list-checks.sh

# Fuzz targets (libFuzzer via clang): the XML front end and the ELF reader, each
# run for FUZZ_SECONDS from a corpus seeded with the test files.
FUZZ_SECONDS ?= 60
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_SRCS    := $(filter-out tool/main.c tool/gen_headers.c,$(TOOL_SRCS))
FUZZ_CFLAGS   = $(filter-out -O2,$(TOOL_CFLAGS)) -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

$(FUZZ_DIR)/%: tool/fuzz/%.c $(FUZZ_SRCS) $(TOOL_HDRS)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_SRCS) $(TOOL_LIBS)

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_DIR)/fuzz_sdf $(FUZZ_DIR)/fuzz_elf

fuzz: fuzz-build $(TOOL_TEST_ELFS)
	tool/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(TOOL_TEST_DIR)/elf

# The release build of the tool (make release): linked statically against
# libelf and zlib, so that it depends on nothing beyond glibc; stripped;
# carrying TOOL_VERSION (default: scripts/version.sh), which it prints for
# --version. The version is kept in a file that changes only when it does, so
# that the tool is rebuilt then and only then.
TOOL_STATIC         := $(BUILD)/tool-static/microkit
TOOL_VERSION         = $(eval TOOL_VERSION := $$(shell scripts/version.sh))$(TOOL_VERSION)
TOOL_OPTIONS_FILE   := $(BUILD)/tool-static/options
TOOL_STATIC_LIBS     = -static-libgcc -Wl,-Bstatic $(filter-out -lm,$(shell pkg-config --static --libs libelf)) \
	-Wl,-Bdynamic -lm

.PHONY: tool-static FORCE
tool-static: $(TOOL_STATIC)

$(TOOL_OPTIONS_FILE): FORCE
	@mkdir -p $(dir $@)
	@echo '$(TOOL_VERSION)' | cmp -s - $@ || echo '$(TOOL_VERSION)' > $@

$(TOOL_STATIC): $(TOOL_SRCS) $(TOOL_HDRS) $(TOOL_OPTIONS_FILE)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(filter-out -g,$(TOOL_CFLAGS)) -DTOOL_VERSION='"$(TOOL_VERSION)"' \
		-s -o $@ $(TOOL_SRCS) $(TOOL_STATIC_LIBS)
