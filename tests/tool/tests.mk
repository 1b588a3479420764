# Tool tests: PD ELFs built against the SDK, the image checker, cmocka unit
# tests and the sanitizer build of the tool. Included from tool/tool.mk;
# tests/tool/run.sh runs them all.

TOOL_TEST_DIR   := $(BUILD)/tests/tool
TOOL_TEST_BOARD := $(SDK)/board/$(BOARD)/debug
TOOL_TEST_CC    := $(CROSS)gcc -ffreestanding -nostdlib -fno-pie -no-pie -mno-outline-atomics -mstrict-align \
	-O2 -g -Wall -Wextra -Werror -I$(TOOL_TEST_BOARD)/include
TOOL_TEST_LINK  := -Wl,--build-id=none -L$(TOOL_TEST_BOARD)/lib -lmicrokit -Tmicrokit.ld

TOOL_TEST_ELFS := $(addprefix $(TOOL_TEST_DIR)/elf/,patched.elf protected.elf twice.elf nolib.elf stripped.elf \
	overlap.elf high.elf object.elf x86.elf elf32.elf bigendian.elf)
TOOL_UNIT_TESTS := $(patsubst tests/tool/unit/%.c,$(TOOL_TEST_DIR)/unit/%,$(wildcard tests/tool/unit/test_*.c))

$(TOOL_TEST_DIR)/elf/%.elf: tests/tool/elf/%.c $(TOOL_TEST_BOARD)/.stamp
	@mkdir -p $(dir $@)
	$(TOOL_TEST_CC) -o $@ $< $(TOOL_TEST_LINK)

$(TOOL_TEST_DIR)/elf/twice.elf: tests/tool/elf/twice_a.c tests/tool/elf/twice_b.c $(TOOL_TEST_BOARD)/.stamp
	@mkdir -p $(dir $@)
	$(TOOL_TEST_CC) -o $@ tests/tool/elf/twice_a.c tests/tool/elf/twice_b.c $(TOOL_TEST_LINK)

# No libmicrokit: only its own _start.
$(TOOL_TEST_DIR)/elf/nolib.elf: tests/tool/elf/nolib.c $(TOOL_TEST_BOARD)/.stamp
	@mkdir -p $(dir $@)
	$(TOOL_TEST_CC) -o $@ $< -Wl,--build-id=none -Ttext=0x200000 -e _start

# patched.elf without its symbol table: patchable only through path_for_symbols.
$(TOOL_TEST_DIR)/elf/stripped.elf: $(TOOL_TEST_DIR)/elf/patched.elf
	$(CROSS)strip -o $@ $<

# Broken images for the ELF checks, each with one defect.
$(TOOL_TEST_DIR)/elf/overlap.elf: tests/tool/elf/overlap.c tests/tool/elf/overlap.ld
	@mkdir -p $(dir $@)
	$(TOOL_TEST_CC) -o $@ $< -Wl,--build-id=none -Wl,-T,tests/tool/elf/overlap.ld

# A segment up against the guard page below the IPC buffer.
$(TOOL_TEST_DIR)/elf/high.elf: tests/tool/elf/nolib.c
	@mkdir -p $(dir $@)
	$(TOOL_TEST_CC) -o $@ $< -Wl,--build-id=none -Ttext=0xffffffd000 -e _start

# A relocatable object (ET_REL), never linked.
$(TOOL_TEST_DIR)/elf/object.elf: tests/tool/elf/nolib.c
	@mkdir -p $(dir $@)
	$(TOOL_TEST_CC) -c -o $@ $<

$(TOOL_TEST_DIR)/elf/x86.elf: tests/tool/elf/x86.c
	@mkdir -p $(dir $@)
	$(HOSTCC) -ffreestanding -nostdlib -static -fno-pie -no-pie -o $@ $<

# A good image with EI_CLASS (byte 4) or EI_DATA (byte 5) of e_ident changed.
$(TOOL_TEST_DIR)/elf/elf32.elf: $(TOOL_TEST_DIR)/elf/protected.elf
	cp $< $@.tmp && printf '\001' | dd of=$@.tmp bs=1 seek=4 conv=notrunc status=none && mv $@.tmp $@

$(TOOL_TEST_DIR)/elf/bigendian.elf: $(TOOL_TEST_DIR)/elf/protected.elf
	cp $< $@.tmp && printf '\002' | dd of=$@.tmp bs=1 seek=5 conv=notrunc status=none && mv $@.tmp $@

# Hostile variants of protected.elf (tests/tool/hostile-elf.py): generated, never committed.
TOOL_HOSTILE_ELFS := $(addprefix $(TOOL_TEST_DIR)/elf/hostile-,$(addsuffix .elf,bss40 bss4 huge offset filesz beyond \
	vwrap high phdrs entry-data entry-none))
$(TOOL_TEST_DIR)/elf/.hostile: $(TOOL_TEST_DIR)/elf/protected.elf tests/tool/hostile-elf.py
	python3 tests/tool/hostile-elf.py $< $(dir $@)
	@touch $@
$(TOOL_HOSTILE_ELFS): $(TOOL_TEST_DIR)/elf/.hostile

$(TOOL_TEST_DIR)/imgcheck: tests/tool/imgcheck.c include/minikit/systable.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=gnu11 -O2 -g -Wall -Wextra -Werror -Iinclude -o $@ $<

# Unit tests link the tool's pure modules (no libxml2 or libelf needed).
TOOL_UNIT_DEPS := tool/num.c tool/xml.c tool/names.c tool/diag.c tool/ptcount.c

$(TOOL_TEST_DIR)/unit/%: tests/tool/unit/%.c $(TOOL_UNIT_DEPS) $(TOOL_HDRS)
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=gnu11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror -Iinclude -iquote tool \
		-fsanitize=address,undefined -o $@ $< $(TOOL_UNIT_DEPS) -lcmocka

# rename() that fails on demand, for the output commit's undo paths (LD_PRELOAD).
$(TOOL_TEST_DIR)/fail-rename.so: tests/tool/fail-rename.c
	@mkdir -p $(dir $@)
	$(HOSTCC) -shared -fPIC -O2 -Wall -Wextra -Werror -o $@ $< -ldl

.PHONY: tool-test
tool-test: test-deps
	tests/tool/run.sh

test-deps:: $(SDK)/bin/microkit $(TOOL_ASAN) $(TOOL_TEST_ELFS) $(TOOL_HOSTILE_ELFS) $(TOOL_TEST_DIR)/imgcheck $(TOOL_UNIT_TESTS) \
	$(TOOL_TEST_DIR)/fail-rename.so
