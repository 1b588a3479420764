/* The timer driver client that asks for 8 ms timeouts. */
#define TIMEOUT_US 8000
#include "client.h"
