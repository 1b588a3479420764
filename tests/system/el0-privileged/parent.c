/* The runner parent these tests share: tests/system/common/runner-parent.c (its cases come from info.h). */
#include "runner-parent.c"
