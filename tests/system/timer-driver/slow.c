/* The timer driver client that asks for 30 ms timeouts. */
#define TIMEOUT_US 30000
#include "client.h"
