#pragma once
/* What the callee leaves in x2..x18 and d8 before it blocks. */
#define MARK 0x5eeded0ddba11ULL
#define ROUNDS 3
