/*
 * microkit: build a bootable Minikit image from a .system file and PD ELFs.
 *
 *   parse (sdf.c) -> check (check*.c) -> load + patch ELFs (check_image.c, elf.c)
 *   -> place (place.c) -> pack (pack.c) + report (report.c)
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "diag.h"
#include "elf.h"
#include "gen_headers.h"
#include "graph.h"
#include "output.h"
#include "pack.h"
#include "plural.h"
#include "place.h"
#include "report.h"
#include "sdf.h"
#include "timing.h"

/* A release build passes the version (scripts/version.sh) with -DTOOL_VERSION. */
#ifndef TOOL_VERSION
#define TOOL_VERSION "0.1.0"
#endif

static const char *const boards[] = {"qemu_virt_aarch64"};
static const char *const configs[] = {"debug", "release", "benchmark"};

struct options {
    const char *system, *board, *config, *image, *report, *kernel;
    const char **search;
    size_t nsearch;
    int exit_when_idle;
    const char *gen_headers; /* DIR, or NULL */
    const char *report_json; /* FILE, or NULL */
    const char *graph;       /* FILE (.svg or .dot), or NULL */
    int trace;               /* --trace: the SDK's trace kernel (debug config only) */
};

static const char usage[] =
    "usage: microkit SYSTEM --board BOARD --config CONFIG [--search-path DIR...] [-o IMAGE] [-r REPORT]\n"
    "                [--image-type binary] [--capdl-json FILE] [--viper-output DIR] [--override-kernel ELF]\n"
    "                [--report-json FILE] [--exit-when-idle] [--gen-headers DIR] [--graph FILE]\n"
    "                [--trace] [-h|--help] [--version]\n";

static void help(void)
{
    fputs(usage, stdout);
    fputs("\n"
          "  SYSTEM               the system description (.system XML)\n"
          "  --board BOARD        target board: qemu_virt_aarch64\n"
          "  --config CONFIG      SDK configuration: debug, release or benchmark\n"
          "  --search-path DIR... directories searched for program images (then the current directory)\n"
          "  -o IMAGE             output image (default loader.img)\n"
          "  -r REPORT            output report (default report.txt)\n"
          "  --report-json FILE   also write the report as JSON, for programs (schema: docs/tool.md)\n"
          "  --image-type binary  the only image type: a raw image loaded at 0x70000000\n"
          "  --capdl-json FILE    accepted for compatibility; ignored\n"
          "  --viper-output DIR   accepted for compatibility; ignored\n"
          "  --override-kernel F  use kernel ELF F instead of the SDK's\n"
          "  --exit-when-idle     power the machine off once every PD is blocked for good (tests)\n"
          "  --gen-headers DIR    only check the system and write DIR/microkit_gen/<pd>.h for each PD\n"
          "  --graph FILE         only check the system and draw it: FILE.svg (rendered by Graphviz's dot)\n"
          "                       or FILE.dot (the Graphviz source); needs no program images\n"
          "  --trace              the kernel records an event timeline (switches, notifications, PPCs, IRQs,\n"
          "                       faults, budgets) and prints it at the end as 'minikit| trace ...' lines;\n"
          "                       bin/microkit-trace turns the log into a Perfetto/Chrome trace. Debug config\n"
          "                       only (docs/debugging.md, \"Event timeline\")\n"
          "\nThe SDK is $MICROKIT_SDK, or the parent of the directory holding this program.\n",
          stdout);
}

static _Noreturn void arg_error(const char *fmt, const char *a, const char *b)
{
    fputs(usage, stdout);
    fputs("microkit: error: ", stderr);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    exit(1);
}

static const char *value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc)
        arg_error("option '%s' needs a value%s", argv[*i], "");
    return argv[++*i];
}

static const char *one_of(const char *opt, const char *v, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v, list[i]))
            return v;
    char known[256] = "";
    for (size_t i = 0; i < n; i++)
        snprintf(known + strlen(known), sizeof(known) - strlen(known), "%s%s", i ? ", " : "", list[i]);
    fprintf(stderr, "microkit: error: unknown %s '%s' (known: %s)\n", opt, v, known);
    exit(1);
}

/*
 * A --search-path value. The option takes every argument up to the next
 * option, so a system file written after it would silently become a search
 * directory (and the run would then say the system file is missing): a value
 * that names a .system file, or any file that is not a directory, is refused.
 */
static const char *search_dir(const char *dir, const char *system)
{
    size_t n = strlen(dir);
    struct stat st;
    bool is_dir = !stat(dir, &st) && S_ISDIR(st.st_mode);
    if (!is_dir && n >= 7 && !strcmp(dir + n - 7, ".system")) {
        fputs(usage, stdout);
        fprintf(stderr,
                "microkit: error: --search-path '%s' names a system file, not a directory\n"
                "microkit: hint: --search-path takes every argument up to the next option, so it took '%s' as a "
                "directory; %s\n",
                dir, dir,
                system ? "the system file is already given, so list only directories after --search-path"
                       : "put the system file first (microkit SYSTEM --search-path DIR... --board ...), or end the "
                         "directories with another option");
        exit(1);
    }
    if (!is_dir && !stat(dir, &st))
        arg_error("--search-path '%s' is not a directory%s", dir, "");
    return dir;
}

static void parse_args(int argc, char **argv, struct options *o)
{
    *o = (struct options){.image = "loader.img", .report = "report.txt"};
    o->search = xcalloc((size_t)argc, sizeof(*o->search));
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            help();
            exit(0);
        } else if (!strcmp(a, "--version")) {
            printf("microkit (Minikit) %s\n", TOOL_VERSION);
            exit(0);
        } else if (!strcmp(a, "--board")) {
            o->board = value(argc, argv, &i);
        } else if (!strcmp(a, "--config")) {
            o->config = value(argc, argv, &i);
        } else if (!strcmp(a, "-o")) {
            o->image = value(argc, argv, &i);
        } else if (!strcmp(a, "-r")) {
            o->report = value(argc, argv, &i);
        } else if (!strcmp(a, "--report-json")) {
            o->report_json = value(argc, argv, &i);
        } else if (!strcmp(a, "--override-kernel")) {
            o->kernel = value(argc, argv, &i);
        } else if (!strcmp(a, "--search-path")) {
            while (i + 1 < argc && argv[i + 1][0] != '-')
                o->search[o->nsearch++] = search_dir(argv[++i], o->system);
        } else if (!strcmp(a, "--image-type")) {
            const char *t = value(argc, argv, &i);
            if (strcmp(t, "binary"))
                arg_error("image type '%s' is not supported%s (only 'binary')", t, "");
        } else if (!strcmp(a, "--capdl-json") || !strcmp(a, "--viper-output")) {
            value(argc, argv, &i);
            fprintf(stderr, "microkit: note: %s is accepted for compatibility and ignored\n", a);
        } else if (!strcmp(a, "--trace")) {
            o->trace = 1;
        } else if (!strcmp(a, "--exit-when-idle")) {
            o->exit_when_idle = 1;
        } else if (!strcmp(a, "--gen-headers")) {
            o->gen_headers = value(argc, argv, &i);
        } else if (!strcmp(a, "--graph")) {
            o->graph = value(argc, argv, &i);
            graph_check_name(o->graph);
        } else if (a[0] == '-') {
            arg_error("unknown option '%s'%s", a, "");
        } else if (o->system) {
            arg_error("unexpected argument '%s' (the system file is already '%s')", a, o->system);
        } else {
            o->system = a;
        }
    }
    char missing[64] = "";
    if (!o->board)
        strcat(missing, ", --board");
    if (!o->config)
        strcat(missing, ", --config");
    if (!o->system)
        strcat(missing, ", system");
    if (missing[0])
        arg_error("missing required arguments: %s%s", missing + 2, "");
    if (o->graph && o->gen_headers)
        arg_error("--graph and --gen-headers each make a run of their own: run the tool once for each%s%s", "", "");
    one_of("board", o->board, boards, sizeof(boards) / sizeof(boards[0]));
    one_of("config", o->config, configs, sizeof(configs) / sizeof(configs[0]));
    if (o->trace && strcmp(o->config, "debug"))
        arg_error("--trace needs --config debug: the %s kernel %s", o->config,
                  strcmp(o->config, "release") ? "has no trace variant" : "prints nothing, so it has no timeline to show");
}

/* $MICROKIT_SDK, else the parent of the directory holding this program. */
static char *sdk_dir(void)
{
    const char *env = getenv("MICROKIT_SDK");
    if (env && *env)
        return xstrdup(env);
    char self[PATH_MAX];
    if (!realpath("/proc/self/exe", self))
        diag_fatal("cannot find the SDK: set MICROKIT_SDK");
    return xstrdup(dirname(dirname(self)));
}

/*
 * The SDK's kernel for this system (docs/sdk.md): minikit-vm.elf, the one
 * with VM support, exactly when it has a <virtual_machine>; minikit.elf,
 * which holds no VM code, otherwise; the trace kernel (VM support included)
 * for --trace.
 */
static char *kernel_path(const struct options *o, int has_vms)
{
    if (o->kernel)
        return xstrdup(o->kernel);
    char *sdk = sdk_dir();
    const char *name = o->trace ? "kernel-trace.elf" : has_vms ? "minikit-vm.elf" : "minikit.elf";
    char *path = xasprintf("%s/board/%s/%s/elf/%s", sdk, o->board, o->config, name);
    struct stat st;
    if (stat(path, &st))
        diag_fatal("kernel not found: '%s' (%s); is MICROKIT_SDK (%s) a complete SDK?%s", path, strerror(errno), sdk,
                   has_vms && !o->trace ? " (this system has a <virtual_machine>: it needs the kernel with VM support)"
                                        : "");
    return path;
}

int main(int argc, char **argv)
{
    timing_start();
    struct options o;
    parse_args(argc, argv, &o);
    /* Outputs are refused now, before anything is read, if they cannot be written. */
    if (o.graph) {
        output_declare("--graph", o.graph);
    } else if (!o.gen_headers) {
        output_declare("-o", o.image);
        output_declare("-r", o.report);
        if (o.report_json)
            output_declare("--report-json", o.report_json);
    }
    output_input("system file", o.system);
    timing_phase("arguments, SDK and output checks");

    struct system sys = {.file = o.system, .search_paths = o.search, .nsearch = o.nsearch};
    struct sdf_node *root = sdf_read(o.system);
    timing_phase("parse the system file (XML into the element tree)");
    check_elements(root, &sys);
    check_global(&sys);
    timing_phase("check the system (elements, global rules)");
    diag_checkpoint(); /* the ELF stage needs a consistent model */
    if (o.gen_headers) { /* before the PDs are compiled: no ELFs yet */
        gen_headers(&sys, o.gen_headers);
        return 0;
    }
    if (o.graph) { /* from the model alone: no ELFs */
        graph_write(&sys, o.graph);
        output_commit();
        return 0;
    }
    char *kpath = kernel_path(&o, sys.nvms > 0); /* headers and graphs (above) need no kernel */
    output_input("kernel", kpath);
    check_images(&sys);
    diag_checkpoint();
    timing_phase("PD ELFs: load, check, patch");

    char *err;
    struct elf_image *kernel = elf_load(kpath, &err);
    if (!kernel)
        diag_fatal("kernel '%s': %s", kpath, err);
    timing_phase("kernel ELF");

    struct layout layout;
    place(&sys, kernel, o.exit_when_idle ? MK_FLAG_EXIT_WHEN_IDLE : 0, &layout);
    timing_phase("place (layout, system table)");
    pack_image(&layout, kernel, output_open(o.image));
    timing_phase("pack and write loader.img");
    report_write(output_open(o.report), &sys, &layout, o.board, o.config, kpath);
    if (o.report_json)
        report_write_json(output_open(o.report_json), &sys, &layout, o.board, o.config);
    timing_phase("write the report");
    output_commit();
    timing_phase("close and rename the outputs");

    unsigned long long size = layout.image_end - MK_IMAGE_BASE, zeroed = layout.hdr.zero_end - layout.hdr.zero_base;
    size_t nvcpus = sys.nentries - sys.npds;
    char *vms = sys.nvms ? xasprintf(", %zu %s (%zu %s)", sys.nvms, plural(sys.nvms, "VM", "VMs"), nvcpus,
                                     plural(nvcpus, "vCPU", "vCPUs"))
                         : "";
    printf("microkit: %s: %zu %s%s, %zu %s; %s: %llu %s (+%llu %s zeroed at boot); report in %s\n", o.system,
           sys.npds, plural(sys.npds, "PD", "PDs"), vms, sys.nchannels, plural(sys.nchannels, "channel", "channels"),
           o.image, size, plural(size, "byte", "bytes"), zeroed, plural(zeroed, "byte", "bytes"), o.report);
    return 0;
}
