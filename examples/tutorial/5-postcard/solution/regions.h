/*
 * The types of the two shared regions, with volatile, bounds-checked
 * accessors: the other PD may change the memory at any time, and an index
 * from a message must never reach outside the region.
 *
 *   region_a: REGION_A_SIZE bytes
 *   region_b: struct region_b
 */
#ifndef REGIONS_H
#define REGIONS_H

#include <stdbool.h>
#include <stdint.h>

#define REGION_A_SIZE 1337

struct region_b {
    uint64_t field_1;
    uint16_t foo[16];
};

#define REGION_B_FOO_COUNT (sizeof(((struct region_b *)0)->foo) / sizeof(uint16_t))

static inline volatile uint8_t *region_a(uintptr_t vaddr)
{
    return (volatile uint8_t *)vaddr;
}

static inline volatile struct region_b *region_b(uintptr_t vaddr)
{
    return (volatile struct region_b *)vaddr;
}

/* True iff [offset, offset + length) lies inside region_a. */
static inline bool region_a_range_ok(uint64_t offset, uint64_t length)
{
    return offset <= REGION_A_SIZE && length <= REGION_A_SIZE - offset;
}

static inline bool region_a_read(uintptr_t vaddr, uint64_t offset, uint8_t *value)
{
    if (!region_a_range_ok(offset, 1)) {
        return false;
    }
    *value = region_a(vaddr)[offset];
    return true;
}

static inline bool region_a_write(uintptr_t vaddr, uint64_t offset, uint8_t value)
{
    if (!region_a_range_ok(offset, 1)) {
        return false;
    }
    region_a(vaddr)[offset] = value;
    return true;
}

/* True iff foo[first .. first + count) exists. */
static inline bool region_b_foo_range_ok(uint64_t first, uint64_t count)
{
    return first <= REGION_B_FOO_COUNT && count <= REGION_B_FOO_COUNT - first;
}

static inline bool region_b_foo_read(uintptr_t vaddr, uint64_t index, uint16_t *value)
{
    if (!region_b_foo_range_ok(index, 1)) {
        return false;
    }
    *value = region_b(vaddr)->foo[index];
    return true;
}

static inline bool region_b_foo_write(uintptr_t vaddr, uint64_t index, uint16_t value)
{
    if (!region_b_foo_range_ok(index, 1)) {
        return false;
    }
    region_b(vaddr)->foo[index] = value;
    return true;
}

static inline uint64_t region_b_field_1_read(uintptr_t vaddr)
{
    return region_b(vaddr)->field_1;
}

static inline void region_b_field_1_write(uintptr_t vaddr, uint64_t value)
{
    region_b(vaddr)->field_1 = value;
}

#endif
