/* The spinner of domain 0 (trace.h). */
#define ME 0
#include "trace.h"
