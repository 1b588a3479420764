/*
 * SMC forwarding: PSCI calls through microkit_arm_smc_call (QEMU's virt
 * board answers PSCI itself, by SMC or HVC; the kernel picks the conduit).
 */
#include <microkit.h>

#define PSCI_VERSION       0x84000000u
#define PSCI_FEATURES      0x8400000au
#define PSCI_CPU_SUSPEND   0xc4000001u
#define PSCI_SYSTEM_OFF    0x84000008u
#define VENDOR_CALL        0xc2000000u /* a vendor-specific SiP call: not PSCI */
#define SMCCC_NOT_SUPPORTED ((seL4_Word)-1)

static void fail(const char *why)
{
    microkit_dbg_puts("caller: TEST_FAIL: ");
    microkit_dbg_puts(why);
    microkit_dbg_puts("\n");
}

static seL4_ARM_SMCContext call(seL4_Word fid, seL4_Word arg)
{
    seL4_ARM_SMCContext args = { .x0 = fid, .x1 = arg, .x2 = 0x2222, .x7 = 0x7777 };
    seL4_ARM_SMCContext res = { 0 };

    microkit_arm_smc_call(&args, &res);
    return res;
}

static void put_hex(seL4_Word v)
{
    microkit_dbg_puts("0x");
    for (int i = 28; i >= 0; i -= 4) {
        microkit_dbg_putc("0123456789abcdef"[(v >> i) & 0xf]);
    }
}

void init(void)
{
    seL4_ARM_SMCContext r = call(PSCI_VERSION, 0);
    microkit_dbg_puts("caller: PSCI version ");
    microkit_dbg_put32((seL4_Uint32)(r.x0 >> 16));
    microkit_dbg_puts(".");
    microkit_dbg_put32((seL4_Uint32)(r.x0 & 0xffff));
    microkit_dbg_puts("\n");
    if ((r.x0 >> 16) < 1 && (r.x0 & 0xffff) < 2) {
        fail("PSCI version below 0.2");
    }

    r = call(PSCI_FEATURES, PSCI_SYSTEM_OFF);
    microkit_dbg_puts("caller: PSCI_FEATURES(SYSTEM_OFF) = ");
    put_hex(r.x0);
    microkit_dbg_puts("\n");
    if (r.x0 != 0) {
        fail("SYSTEM_OFF not reported as implemented");
    }

    r = call(VENDOR_CALL, 0);
    microkit_dbg_puts("caller: vendor call = ");
    put_hex(r.x0);
    microkit_dbg_puts("\n");
    if (r.x0 != SMCCC_NOT_SUPPORTED) {
        fail("an unknown function id did not answer NOT_SUPPORTED");
    }

    /* A raw call with another handle than ARM_SMC_CAP is refused before the kernel. */
    seL4_ARM_SMCContext a = { .x0 = PSCI_VERSION }, res;
    if (seL4_ARM_SMC_Call(ARM_SMC_CAP + 1, &a, &res) != seL4_InvalidCapability) {
        fail("seL4_ARM_SMC_Call on a wrong handle did not fail");
    }
    microkit_dbg_puts("caller: SMC calls done\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    (void)reply_msginfo;
    if (child != 1 || microkit_msginfo_get_label(msginfo) != seL4_Fault_VMFault) {
        fail("unexpected fault");
        return seL4_False;
    }
    seL4_Word addr = microkit_mr_get(seL4_VMFault_Addr);
    microkit_dbg_puts("caller: nosmc crashed at ");
    put_hex(addr);
    microkit_dbg_puts("\n");
    if (addr != seL4_InvalidCapability) {
        fail("nosmc did not crash at seL4_InvalidCapability");
    } else {
        microkit_dbg_puts("caller: TEST_PASS\n");
    }
    microkit_pd_stop(child);
    return seL4_False;
}
