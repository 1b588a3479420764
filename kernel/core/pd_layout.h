/*
 * Offsets into struct pd that the assembly (arch/aarch64/entry.S,
 * fastpath.S) uses. kernel.h defines the struct; arch/aarch64/trap.c checks
 * every one against it at compile time.
 */
#ifndef PD_LAYOUT_H
#define PD_LAYOUT_H

#define PD_IPCBUF          272
#define PD_TTBR0           280 /* ttbr0, then tpidr: one ldp */
#define PD_TPIDR           288
#define PD_PENDING         296
#define PD_NEXT            304
#define PD_CALLER          312 /* caller, then callq: one ldp */
#define PD_CALLQ           320
#define PD_CALLEE          328
#define PD_PRIO            345
#define PD_STATE           346
#define PD_PASSIVE_PENDING 352
#define PD_THROTTLED_ON    512
#define PD_CH              528 /* struct ch_end[MK_MAX_IDS], 16 bytes each: */
#define PD_VCPU            2672 /* struct vcpu *: a vCPU (arch/aarch64/vcpu.c), NULL for a PD */
#define CH_END_SHIFT       4
#define CH_PEER            0
#define CH_PEER_ID         8
#define CH_FLAGS           9
#define CH_NOTIFY_BIT      0   /* MK_END_NOTIFY */
#define CH_PP_BIT          1   /* MK_END_PP */
#define CH_MAX_IDS         62  /* MK_MAX_IDS */

/* abi.h's values as the assembler can read them */
#define TAG_LENGTH_MASK 0x7f    /* MK_TAG_LENGTH_MASK */
#define TAG_CAPS_MASK   0xf80   /* extraCaps and capsUnwrapped: no caps travel */
#define MSG_MAX_LENGTH  120     /* MK_MSG_MAX_LENGTH */
#define BADGE_PPC_BIT   63      /* MK_BADGE_PPC */

/* enum pd_state */
#define PD_STATE_RUNNABLE 0
#define PD_STATE_WAITING  1
#define PD_STATE_CALLING  2

/* ready_summary's bit for the scheduler's slot (core/sched.c) */
#define READY_SLOT_BIT 63

#endif
