/* Writes through region_vaddr, which the .system forgot to set (no setvar_vaddr). */
#include <stdint.h>
#include <microkit.h>

uintptr_t region_vaddr;

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    (void)ch;
    (void)msginfo;
    microkit_dbg_puts("server: writing the region\n");
    ((volatile uint64_t *)region_vaddr)[2] = 1;
    microkit_dbg_puts("server: TEST_FAIL: the write did not fault\n");
    return microkit_msginfo_new(0, 0);
}
