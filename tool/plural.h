/* "1 PD", "2 PDs": the noun for a count. */
#ifndef TOOL_PLURAL_H
#define TOOL_PLURAL_H

static inline const char *plural(unsigned long long n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

#endif
