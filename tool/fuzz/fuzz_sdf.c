/*
 * libFuzzer target: the XML front end (parse, element rules, global rules)
 * on arbitrary bytes. Diagnostics go to stderr (run with -close_fd_mask=2);
 * where the tool would exit, diag_set_stop brings us back here.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../diag.h"
#include "../sdf.h"

static jmp_buf back;

static void stop(void)
{
    longjmp(back, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = 0;
    diag_reset();
    diag_set_stop(stop);
    struct system sys = {.file = "fuzz.system"};
    if (!setjmp(back)) {
        struct sdf_node *root = sdf_parse("fuzz.system", text, size);
        check_elements(root, &sys);
        check_global(&sys);
    }
    free(text); /* the model leaks by design (the tool frees at exit); run with -detect_leaks=0 */
    return 0;
}
