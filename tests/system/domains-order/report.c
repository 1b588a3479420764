/* Lowest priority in d0: checks the stretches once the spinners are done (trace.h). */
#define REPORTER
#define CYCLE_LEN   3
#define CYCLE       {0, 1, 2}
#define CYCLE_US    {3000, 1000, 0}
#define CYCLE_TICKS {0, 0, 125000}
#include "trace.h"
