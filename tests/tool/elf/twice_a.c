/* Test PD: 'twice' is defined in two objects (static each), so a setvar on it is ambiguous. */
#include <stdint.h>
#include <microkit.h>

static uintptr_t twice = 1;
uintptr_t *twice_b(void);

void init(void)
{
    *twice_b() += twice++;
}

void notified(microkit_channel ch)
{
    (void)ch;
}
