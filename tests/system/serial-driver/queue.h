/*
 * A single-producer single-consumer byte ring in shared memory: the serial
 * driver and its client each own one end of two of them (rx: driver to
 * client, tx: client to driver). head is written only by the producer, tail
 * only by the consumer; the barriers order the data against the indices
 * (both PDs run on one core here, but drivers are written for more).
 */
#ifndef QUEUE_H
#define QUEUE_H

#include <microkit.h>

#define QUEUE_SIZE 1024 /* a power of two */

struct queue {
    volatile seL4_Uint32 head; /* next slot the producer fills */
    volatile seL4_Uint32 tail; /* next slot the consumer takes */
    char data[QUEUE_SIZE];
};

static inline bool queue_put(struct queue *q, char c)
{
    if (q->head - q->tail == QUEUE_SIZE) {
        return false;
    }
    q->data[q->head % QUEUE_SIZE] = c;
    __atomic_thread_fence(__ATOMIC_RELEASE);
    q->head++;
    return true;
}

static inline bool queue_get(struct queue *q, char *c)
{
    if (q->tail == q->head) {
        return false;
    }
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    *c = q->data[q->tail % QUEUE_SIZE];
    __atomic_thread_fence(__ATOMIC_RELEASE);
    q->tail++;
    return true;
}

#endif
