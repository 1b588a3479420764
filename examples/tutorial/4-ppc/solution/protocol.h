/*
 * The messages between client and server, encoded in one place.
 *
 *   hello:    label 0, MR0 = HELLO_CALL  -> label 0, MR0 = HELLO_ANSWER
 */
#ifndef PROTOCOL_H
#define PROTOCOL_H

#include <stdbool.h>
#include <stdint.h>
#include <microkit.h>

#define HELLO_CALL   0xf00d
#define HELLO_ANSWER 0xf33d

#endif
