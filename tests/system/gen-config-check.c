/*
 * Compile-time check of each SDK configuration's gen_config.h (configs.mk
 * compiles this once per config with -DEXPECT_<CONFIG>): the defines that
 * differ between configurations are there or not, as seL4 generates them for
 * Microkit's debug, release and benchmark builds. The behaviours behind them
 * are system tests (docs/kernel.md, "Configuration defines").
 */
#include <microkit.h>
#include <minikit/systable.h>

#if defined(EXPECT_DEBUG) + defined(EXPECT_RELEASE) + defined(EXPECT_BENCHMARK) != 1
#error "compile with one of -DEXPECT_DEBUG, -DEXPECT_RELEASE, -DEXPECT_BENCHMARK"
#endif

#if defined(EXPECT_DEBUG) != defined(CONFIG_DEBUG_BUILD) || defined(EXPECT_DEBUG) != defined(CONFIG_PRINTING)
#error "CONFIG_DEBUG_BUILD and CONFIG_PRINTING belong to debug only"
#endif
#if defined(EXPECT_BENCHMARK) != defined(CONFIG_ENABLE_BENCHMARKS) || \
    defined(EXPECT_BENCHMARK) != defined(CONFIG_EXPORT_PMU_USER)
#error "CONFIG_ENABLE_BENCHMARKS and CONFIG_EXPORT_PMU_USER belong to benchmark only"
#endif
#if !defined(CONFIG_AARCH64_USER_CACHE_ENABLE) || CONFIG_L1_CACHE_LINE_SIZE_BITS != 6 || \
    !defined(CONFIG_EXPORT_PCNT_USER) || !defined(CONFIG_EXPORT_PTMR_USER) || !defined(CONFIG_ALLOW_SMC_CALLS) || \
    !defined(CONFIG_KERNEL_MCS) || CONFIG_NUM_PRIORITIES != 256 || CONFIG_MAX_NUM_NODES != 1
#error "a define every configuration has is missing or wrong"
#endif
/* The domain scheduler's limits are the kernel's own (minikit/systable.h, shared by tool and kernel). */
#if CONFIG_NUM_DOMAINS != 16 || CONFIG_NUM_DOMAINS != MK_NUM_DOMAINS || CONFIG_NUM_DOMAIN_SCHEDULES != 100 || \
    CONFIG_NUM_DOMAIN_SCHEDULES != MK_NUM_DOMAIN_SCHEDULES
#error "CONFIG_NUM_DOMAINS and CONFIG_NUM_DOMAIN_SCHEDULES must be the kernel's 16 domains and 100 schedule slots"
#endif
/* What a config without printing must not offer (upstream libsel4 has no seL4_DebugPutChar there). */
#if !defined(CONFIG_PRINTING)
void seL4_DebugPutChar(void); /* conflicts with a declaration if one were there */
#endif
/* microkit_arm_smc_call exists in every configuration (CONFIG_ALLOW_SMC_CALLS). */
void (*const smc_call)(seL4_ARM_SMCContext *, seL4_ARM_SMCContext *) = microkit_arm_smc_call;
