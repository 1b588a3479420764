# The microkit host tool. Included by the top-level Makefile (BUILD, HOSTCC, ...).

TOOL_SRCS := $(wildcard tool/*.c)
TOOL_HDRS := $(wildcard tool/*.h) include/minikit/systable.h
TOOL_BIN  := $(BUILD)/tool/microkit
TOOL_ASAN := $(BUILD)/tool-asan/microkit

TOOL_CFLAGS := -std=gnu11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Werror -Iinclude \
	$(shell pkg-config --cflags libxml-2.0 2>/dev/null || xml2-config --cflags)
TOOL_LIBS   := $(shell pkg-config --libs libxml-2.0 2>/dev/null || xml2-config --libs) -lelf

$(TOOL_BIN): $(TOOL_SRCS) $(TOOL_HDRS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(TOOL_CFLAGS) -o $@ $(TOOL_SRCS) $(TOOL_LIBS)

# The same tool under AddressSanitizer and UndefinedBehaviorSanitizer, for the bad-input corpus.
$(TOOL_ASAN): $(TOOL_SRCS) $(TOOL_HDRS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(TOOL_CFLAGS) -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
		-fno-omit-frame-pointer -o $@ $(TOOL_SRCS) $(TOOL_LIBS)

include tests/tool/tests.mk
