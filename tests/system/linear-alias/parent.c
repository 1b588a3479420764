/* The runner parent these tests share: tests/system/common/runner-parent.c (its cases come from runner-info.h). */
#include "runner-parent.c"
