/* The protocol between the stress workers and the hub. */
#ifndef STRESS_H
#define STRESS_H

#include <microkit.h>

#define WORKERS 62

/* Laps of the token round the ring; make stress builds with 8065 (10^6 events). */
#ifndef STRESS_ROUNDS
#define STRESS_ROUNDS 400
#endif

#define LABEL_STEP 1 /* MR 0 = this worker's step count, from 1 */
#define LABEL_DONE 2 /* from w0: MR 0 = the rounds every worker must have made */

#endif
