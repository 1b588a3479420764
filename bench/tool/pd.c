/* The program every PD of the tool benchmark runs: it only needs the symbols the system patches. */
#include <stdint.h>
#include <microkit.h>

uintptr_t shared_vaddr_0, shared_vaddr_1, shared_vaddr_2, shared_vaddr_3, shared_vaddr_4, shared_vaddr_5,
    shared_vaddr_6, shared_vaddr_7, shared_vaddr_8, shared_vaddr_9, shared_vaddr_10, shared_vaddr_11,
    shared_vaddr_12, shared_vaddr_13;

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msg)
{
    (void)ch;
    return msg;
}
