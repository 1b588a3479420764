/* The spinner of domain 0 (../domains-order/trace.h). */
#define ME 0
#include "../domains-order/trace.h"
