/* Lowest priority in d0: checks the stretches once the spinners are done (../domains-order/trace.h). */
#define REPORTER
#define CYCLE_LEN   2
#define CYCLE       {0, 1}
#define CYCLE_US    {1000, 2000}
#define CYCLE_TICKS {0, 0}
#include "../domains-order/trace.h"
