/*
 * PD entry point, placed first in .text (0x200000) by microkit.ld.
 * The kernel starts us with SP at the stack top and every other register 0;
 * .bss is already zero (the system guarantees it), so there is nothing to
 * prepare: go straight to main, which never returns.
 */
    .section .text.start, "ax"
    .global _start
    .type _start, %function
_start:
    b main
    .size _start, . - _start
