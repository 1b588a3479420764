/* Second definition of the static 'twice'; see twice_a.c. */
#include <stdint.h>

static uintptr_t twice = 2;

uintptr_t *twice_b(void)
{
    return &twice;
}
