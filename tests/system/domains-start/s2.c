/* The spinner of domain 2 (../domains-order/trace.h). */
#define ME 2
#include "../domains-order/trace.h"
