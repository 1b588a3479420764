# The property test "a system the tool accepts boots without a panic"
# (tests/fuzz-systems/run.py): random systems from gen.py, each built by the
# tool and booted in QEMU with --exit-when-idle.
#
#   make fuzz-systems [FUZZ_SYSTEMS_N=10000] [FUZZ_SYSTEMS_SEED=1] [FUZZ_SYSTEMS_ARGS=...]
#
# `make test` runs a sample of FUZZ_SYSTEMS_SAMPLE systems (scripts/run-tests.sh).

FUZZ_SYSTEMS_DIR    := $(BUILD)/fuzz-systems
FUZZ_SYSTEMS_N      ?= 10000
FUZZ_SYSTEMS_SEED   ?= 1
FUZZ_SYSTEMS_ARGS   ?=
FUZZ_SYSTEMS_BOARD  := $(SDK)/board/$(BOARD)/debug
FUZZ_SYSTEMS_CC     := $(CROSS)gcc -ffreestanding -nostdlib -fno-pie -no-pie -mno-outline-atomics -mstrict-align \
	-O2 -g -Wall -Wextra -Werror -I$(FUZZ_SYSTEMS_BOARD)/include
FUZZ_SYSTEMS_LINK   := -Wl,--build-id=none -L$(FUZZ_SYSTEMS_BOARD)/lib -lmicrokit -Tmicrokit.ld
FUZZ_SYSTEMS_ELFS   := $(addprefix $(FUZZ_SYSTEMS_DIR)/,fz.elf fz-big.elf fz-stripped.elf fz-big-stripped.elf)

$(FUZZ_SYSTEMS_DIR)/fz.elf: tests/fuzz-systems/pd.c $(FUZZ_SYSTEMS_BOARD)/.stamp
	@mkdir -p $(dir $@)
	$(FUZZ_SYSTEMS_CC) -o $@ $< $(FUZZ_SYSTEMS_LINK)

$(FUZZ_SYSTEMS_DIR)/fz-big.elf: tests/fuzz-systems/pd.c $(FUZZ_SYSTEMS_BOARD)/.stamp
	@mkdir -p $(dir $@)
	$(FUZZ_SYSTEMS_CC) -DBIG -o $@ $< $(FUZZ_SYSTEMS_LINK)

# Without a symbol table: patched through path_for_symbols.
$(FUZZ_SYSTEMS_DIR)/%-stripped.elf: $(FUZZ_SYSTEMS_DIR)/%.elf
	$(CROSS)strip -o $@ $<

.PHONY: fuzz-systems fuzz-systems-deps
fuzz-systems-deps: sdk $(FUZZ_SYSTEMS_ELFS)

fuzz-systems: fuzz-systems-deps
	python3 tests/fuzz-systems/run.py -n $(FUZZ_SYSTEMS_N) --seed $(FUZZ_SYSTEMS_SEED) -j 2 $(FUZZ_SYSTEMS_ARGS)

test-deps:: $(FUZZ_SYSTEMS_ELFS)
