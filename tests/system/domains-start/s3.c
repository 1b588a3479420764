/* The spinner of domain 3 (../domains-order/trace.h). */
#define ME 3
#include "../domains-order/trace.h"
