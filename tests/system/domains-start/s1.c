/* The spinner of domain 1 (../domains-order/trace.h). */
#define ME 1
#include "../domains-order/trace.h"
