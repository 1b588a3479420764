/* Test PD whose code and data segments share a 4 KiB page (linked with overlap.ld). */
long counter = 1;

void _start(void)
{
    for (;;)
        counter++;
}
