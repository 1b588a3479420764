/* Test PD not linked against libmicrokit: its variables are missing. */
void _start(void)
{
    for (;;)
        ;
}
