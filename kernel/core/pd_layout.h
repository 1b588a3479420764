/*
 * Offsets into struct pd that arch/aarch64/entry.S uses. kernel.h defines
 * the struct; arch/aarch64/trap.c checks these against it at compile time.
 */
#ifndef PD_LAYOUT_H
#define PD_LAYOUT_H

#define PD_TTBR0 280 /* ttbr0, then tpidr: one ldp */
#define PD_TPIDR 288

#endif
