# The stress test at full size: make stress. Included by the top Makefile.
# The same sources as tests/system/stress (run small by make test), built
# with STRESS_ROUNDS raised to 8065 laps of the ring: 10^6 events.

STRESS_FULL_ROUNDS := 8065

.PHONY: stress
stress: sdk
	@$(MAKE) --no-print-directory -f tests/system/pd.mk TEST_DIR=tests/system/stress MICROKIT_SDK=$(ABS_SDK) \
	  MICROKIT_BOARD=$(BOARD) MICROKIT_CONFIG=$(CONFIG) BUILD_DIR=$(ABS_BUILD)/tests/stress-full \
	  CC="$(CROSS)gcc -DSTRESS_ROUNDS=$(STRESS_FULL_ROUNDS)"
	python3 tests/system/run.py --build $(BUILD) stress-full
