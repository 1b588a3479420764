/* Built with the host compiler: an ELF for the wrong machine (x86-64). */
void _start(void)
{
    for (;;)
        ;
}
