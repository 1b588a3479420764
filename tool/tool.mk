# The microkit host tool. Included by the top-level Makefile (BUILD, HOSTCC, ...).

TOOL_SRCS := $(wildcard tool/*.c)
TOOL_HDRS := $(wildcard tool/*.h) include/minikit/systable.h include/minikit/board.h include/minikit/symtab.h
TOOL_BIN  := $(BUILD)/tool/microkit
TOOL_ASAN := $(BUILD)/tool-asan/microkit

# libxml2's flags are asked of pkg-config when a recipe first needs them, not
# when make reads this file: `make test` reads it before installing anything.
XML_CFLAGS = $(eval XML_CFLAGS := $$(shell pkg-config --cflags libxml-2.0))$(XML_CFLAGS)
XML_LIBS   = $(eval XML_LIBS := $$(shell pkg-config --libs libxml-2.0))$(XML_LIBS)

TOOL_CFLAGS = -std=gnu11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Werror -Iinclude $(XML_CFLAGS)
TOOL_LIBS   = $(XML_LIBS) -lelf

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
# libxml2, libelf and what they need (ICU, zlib, lzma; libstdc++ and libgcc
# for ICU), so that it depends on nothing beyond glibc; stripped; carrying
# TOOL_VERSION (default: scripts/version.sh), which it prints for --version.
# The version and TOOL_ICU_DATA are kept in a file that changes only when
# they do, so that the tool is rebuilt then and only then.
TOOL_STATIC         := $(BUILD)/tool-static/microkit
TOOL_VERSION         = $(eval TOOL_VERSION := $$(shell scripts/version.sh))$(TOOL_VERSION)
TOOL_OPTIONS_FILE   := $(BUILD)/tool-static/options
TOOL_STATIC_LIBS     = -static-libgcc -Wl,-Bstatic \
	$(filter-out -lm $(if $(filter stub,$(TOOL_ICU_DATA)),-licudata),$(shell pkg-config --static --libs libxml-2.0 libelf)) \
	-lstdc++ -Wl,-Bdynamic -lm
# TOOL_ICU_DATA=stub (the default): an empty ICU data table instead of
# libicudata's 31 MB, which the tool never reads (scripts/release/icudata-stub.c
# says why): 2.3 MB instead of 33.5 MB. TOOL_ICU_DATA=full links the real one.
TOOL_ICU_DATA       ?= stub
TOOL_ICU_STUB        = $(if $(filter stub,$(TOOL_ICU_DATA)),scripts/release/icudata-stub.c \
	-DICU_DATA_SYMBOL=icudt$(firstword $(subst ., ,$(shell pkg-config --modversion icu-uc)))_dat)

.PHONY: tool-static FORCE
tool-static: $(TOOL_STATIC)

$(TOOL_OPTIONS_FILE): FORCE
	@mkdir -p $(dir $@)
	@echo '$(TOOL_VERSION) $(TOOL_ICU_DATA)' | cmp -s - $@ || echo '$(TOOL_VERSION) $(TOOL_ICU_DATA)' > $@

$(TOOL_STATIC): $(TOOL_SRCS) $(TOOL_HDRS) $(TOOL_OPTIONS_FILE)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(filter-out -g,$(TOOL_CFLAGS)) -DTOOL_VERSION='"$(TOOL_VERSION)"' \
		-s -o $@ $(TOOL_SRCS) $(TOOL_ICU_STUB) $(TOOL_STATIC_LIBS)
