/*
 * Test PD for the tool: setvar targets in .data and in .bss, a 4-byte
 * variable (wrong size for a setvar) and a big .bss array (all-zero pages
 * that must go to the zero region, not into the image).
 */
#include <stdint.h>
#include <microkit.h>

uintptr_t data_vaddr = 0x1111; /* .data: the initialiser is overwritten */
uintptr_t bss_vaddr;           /* .bss: patched all the same */
uintptr_t bss_size;
uintptr_t region_paddr;
uintptr_t channel_id;
uint32_t small_var;            /* 4 bytes: rejected as a setvar target */
uint8_t big_bss[64 * 1024];    /* 16 all-zero pages */

void init(void)
{
    big_bss[small_var] = (uint8_t)(data_vaddr + bss_vaddr + bss_size + region_paddr + channel_id);
}

void notified(microkit_channel ch)
{
    (void)ch;
}
