/* The spinner of domain 2 (trace.h). */
#define ME 2
#include "trace.h"
