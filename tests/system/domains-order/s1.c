/* The spinner of domain 1 (trace.h). */
#define ME 1
#include "trace.h"
