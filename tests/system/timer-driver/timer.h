/* The timer driver's PPC interface (timer.c). */
#define TIMER_NOW     1 /* -> MR0 = nanoseconds since boot */
#define TIMER_TIMEOUT 2 /* MR0 = microseconds: notify me that long from now */
