/*
 * The system graph (graph.h). The DOT text is made in memory first, so that
 * nothing is written unless the whole graph could be made; an .svg is then
 * rendered by Graphviz's `dot` straight into the output's temporary file.
 */
#include "graph.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attr.h"
#include "minikit/systable.h"
#include "diag.h"
#include "output.h"

#define X(v) ((unsigned long long)(v))

enum graph_format { GRAPH_DOT, GRAPH_SVG };

static const char *extension(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    return dot && (!slash || dot > slash) ? dot : "";
}

static enum graph_format format_of(const char *path)
{
    const char *ext = extension(path);
    if (!strcasecmp(ext, ".svg"))
        return GRAPH_SVG;
    if (!strcasecmp(ext, ".dot") || !strcasecmp(ext, ".gv"))
        return GRAPH_DOT;
    diag_fatal("--graph '%s': the file name must end in .svg (rendered with Graphviz) or .dot (the Graphviz "
               "source, which `dot -Tpng` and friends turn into other formats)",
               path);
}

void graph_check_name(const char *path)
{
    (void)format_of(path);
}

/* s inside an HTML-like label (<...>): markup characters escaped, control characters shown as '?'. */
static void html(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default:
            fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, f);
        }
    }
}

/* s inside a DOT // comment: no line breaks. */
static void comment(FILE *f, const char *s)
{
    for (; *s; s++)
        fputc((unsigned char)*s < 0x20 ? '?' : *s, f);
}

/* 4096 -> "4 KiB"; sizes that are not a whole number of KiB in hex. */
static void size_text(FILE *f, uint64_t n)
{
    static const char *const units[] = {"GiB", "MiB", "KiB"};
    for (int i = 0; i < 3; i++) {
        uint64_t u = 1ull << (30 - 10 * i);
        if (n >= u && n % u == 0) {
            fprintf(f, "%llu %s", X(n / u), units[i]);
            return;
        }
    }
    fprintf(f, "0x%llx bytes", X(n));
}

static void perms_text(FILE *f, uint32_t attrs)
{
    if (attrs & MK_MAP_R)
        fputc('r', f);
    if (attrs & MK_MAP_W)
        fputc('w', f);
    if (attrs & MK_MAP_X)
        fputc('x', f);
    if (!(attrs & (MK_MAP_R | MK_MAP_W | MK_MAP_X)))
        fputs("none", f);
}

static bool has_children(const struct system *sys, const struct pd *pd)
{
    if (pd->vm)
        return true; /* its VM is drawn inside its cluster */
    for (size_t i = 0; i < sys->npds; i++)
        if (sys->pds[i]->parent == pd)
            return true;
    return false;
}

static void indent(FILE *f, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("    ", f);
}

static void pd_node(FILE *f, const struct system *sys, const struct pd *pd, int depth)
{
    indent(f, depth);
    fprintf(f, "pd%u [shape=box, style=\"rounded,filled\", fillcolor=\"%s\", label=<<b>", pd->index,
            pd->passive ? "#e4e4e4" : "#dbe9f6");
    html(f, pd->name);
    fprintf(f, "</b><br/>priority %u", pd->priority);
    if (pd->passive)
        fputs(", passive", f);
    if (pd->parent)
        fprintf(f, "<br/>child id %u", pd->child_id);
    fprintf(f, "<br/>budget %llu us of %llu us", X(pd->budget), X(pd->period));
    if (pd->domain >= 0) {
        fputs("<br/>domain ", f);
        html(f, sys->domains[pd->domain].name);
    }
    fputs(">];\n", f);
}

/* A VMM's virtual machine: a node in the VMM's cluster, below it, joined by the path its exits take. */
static void vm_node(FILE *f, const struct pd *vmm, int depth)
{
    const struct vm *vm = vmm->vm;
    indent(f, depth);
    fprintf(f, "vm%u [shape=component, style=filled, fillcolor=\"#e6dcf2\", label=<<b>", vm->number);
    html(f, vm->name);
    fprintf(f, "</b><br/>virtual machine, priority %u<br/>budget %llu us of %llu us<br/>%s ", vm->priority,
            X(vm->budget), X(vm->period), vm->nvcpus == 1 ? "vCPU" : "vCPUs");
    for (size_t k = 0; k < vm->nvcpus; k++)
        fprintf(f, "%s%u", k ? ", " : "", vm->vcpus[k].id);
    fputs(">];\n", f);
    indent(f, depth);
    fprintf(f, "pd%u -> vm%u [style=dotted, color=\"#6a4c93\", arrowhead=none, label=<VMM>];\n", vmm->index,
            vm->number);
}

/* A PD, and if it has children, a cluster holding it and them (recursively). */
static void pd_tree(FILE *f, const struct system *sys, const struct pd *pd, int depth)
{
    if (!has_children(sys, pd)) {
        pd_node(f, sys, pd, depth);
        return;
    }
    indent(f, depth);
    fprintf(f, "subgraph cluster_pd%u {\n", pd->index);
    indent(f, depth + 1);
    fputs("label=<<b>", f);
    html(f, pd->name);
    fputs("</b> and its children>; style=\"rounded,dashed\"; color=\"#7a7a7a\";\n", f);
    pd_node(f, sys, pd, depth + 1);
    for (size_t i = 0; i < sys->npds; i++)
        if (sys->pds[i]->parent == pd)
            pd_tree(f, sys, sys->pds[i], depth + 1);
    if (pd->vm)
        vm_node(f, pd, depth + 1);
    indent(f, depth);
    fputs("}\n", f);
}

static void mr_node(FILE *f, const struct mr *mr, size_t i)
{
    fprintf(f, "    mr%zu [shape=note, style=filled, fillcolor=\"#fdf2d0\", label=<<b>", i);
    html(f, mr->name);
    fputs("</b><br/>", f);
    size_text(f, mr->size);
    if (mr->page_size_given) {
        fputs(", pages of ", f);
        size_text(f, mr->page_size);
    }
    if (mr->fixed)
        fprintf(f, "<br/>phys_addr 0x%llx", X(mr->paddr));
    if (mr->prefill_path) {
        fputs("<br/>prefilled from ", f);
        html(f, mr->prefill_path);
    }
    fputs(">];\n", f);
}

static void map_edge(FILE *f, const struct pd *pd, const struct map *m, size_t mr_index)
{
    fprintf(f, "    pd%u -> mr%zu [dir=none, color=\"%s\", label=<<b>", pd->index, mr_index,
            m->attrs & MK_MAP_W ? "#b5651d" : "#6b8e23");
    perms_text(f, m->attrs);
    fprintf(f, "</b> at 0x%llx", X(m->vaddr));
    if (m->attrs & MK_MAP_UNCACHED)
        fputs(", uncached", f);
    static const char *const setvars[] = {"setvar_vaddr", "setvar_size", "setvar_prefill_size"};
    for (size_t k = 0; k < sizeof(setvars) / sizeof(setvars[0]); k++) {
        const char *sym = attr_opt(m->node, setvars[k]);
        if (sym) {
            fprintf(f, "<br/><font point-size=\"8\">%s ", setvars[k]);
            html(f, sym);
            fputs("</font>", f);
        }
    }
    fputs(">];\n", f);
}

/* A VM's map: the guest's stage-2 rights and guest-physical address. */
static void vm_map_edge(FILE *f, const struct vm *vm, const struct map *m, size_t mr_index)
{
    fprintf(f, "    vm%u -> mr%zu [dir=none, style=dashed, color=\"%s\", label=<<b>", vm->number, mr_index,
            m->attrs & MK_MAP_W ? "#b5651d" : "#6b8e23");
    perms_text(f, m->attrs);
    fprintf(f, "</b> at guest-physical 0x%llx", X(m->vaddr));
    if (m->attrs & MK_MAP_UNCACHED)
        fputs(", uncached", f);
    fputs(">];\n", f);
}

/* Who may notify whom, as the label's second line. */
static const char *notify_text(const struct end *a, const struct end *b)
{
    if (a->notify && b->notify)
        return "notify both ways";
    if (a->notify)
        return "notify this way";
    if (b->notify)
        return "notify the other way";
    return "no notifications";
}

static void channel_edges(FILE *f, const struct channel *ch)
{
    const struct end *e = ch->end;
    fputs("    // channel: ", f);
    for (int k = 0; k < 2; k++) {
        fputs(k ? ", " : "", f);
        comment(f, e[k].pd->name);
        fprintf(f, " id %u%s%s", e[k].id, e[k].pp ? " pp" : "", e[k].notify ? " notify" : "");
    }
    fputc('\n', f);
    bool ppc = false;
    for (int k = 0; k < 2; k++) {
        if (!e[k].pp)
            continue;
        ppc = true;
        /* The caller's end (pp="true") may ppcall the other. */
        const struct end *caller = &e[k], *callee = &e[!k];
        fprintf(f,
                "    pd%u -> pd%u [style=bold, color=\"#1f5fa8\", arrowhead=normal, label=<<b>PPC</b><br/>%s>, "
                "taillabel=<%u>, headlabel=<%u>];\n",
                caller->pd->index, callee->pd->index, notify_text(caller, callee), caller->id, callee->id);
    }
    if (ppc)
        return;
    /* Notify-only: dashed, arrows towards whoever may be notified. */
    const char *dir = e[0].notify && e[1].notify ? "both" : e[0].notify ? "forward" : e[1].notify ? "back" : "none";
    fprintf(f,
            "    pd%u -> pd%u [style=dashed, color=\"#555555\", dir=%s, arrowhead=vee, arrowtail=vee, "
            "label=<notify>, taillabel=<%u>, headlabel=<%u>];\n",
            e[0].pd->index, e[1].pd->index, dir, e[0].id, e[1].id);
}

static void irq_nodes(FILE *f, const struct pd *pd)
{
    for (size_t k = 0; k < pd->nirqs; k++) {
        const struct irq *q = &pd->irqs[k];
        fprintf(f,
                "    irq%u_%zu [shape=cds, style=filled, fillcolor=\"#f6d5d5\", label=<IRQ %llu<br/>%s>];\n"
                "    irq%u_%zu -> pd%u [color=\"#a83232\", label=<id %u>];\n",
                pd->index, k, X(q->irq), q->trigger == MK_IRQ_EDGE ? "edge" : "level", pd->index, k, pd->index,
                q->id);
    }
}

void graph_dot(FILE *f, const struct system *sys)
{
    fputs("// The system graph of ", f);
    comment(f, sys->file);
    fputs(", made by microkit --graph.\n", f);
    fputs("// PDs are boxes (children inside their parent's cluster), memory regions are notes, IRQs are\n"
          "// arrows into their PD. A PPC edge points from the end with pp=\"true\" to the PD it may call;\n"
          "// dashed edges are notify-only channels.\n",
          f);
    if (sys->nvms)
        fputs("// A virtual machine is a component inside its VMM's cluster; its maps are dashed lines labelled\n"
              "// with its stage-2 permissions and guest-physical address.\n",
              f);
    fputs("digraph system {\n"
          "    graph [newrank=true, fontname=\"Helvetica\", fontsize=12, rankdir=TB, nodesep=0.4, ranksep=0.9, labelloc=t, label=<",
          f);
    html(f, sys->file);
    fputs(">];\n"
          "    node [fontname=\"Helvetica\", fontsize=10];\n"
          "    edge [fontname=\"Helvetica\", fontsize=9, labeldistance=2];\n",
          f);

    fputs("\n    // Protection domains\n", f);
    for (size_t i = 0; i < sys->npds; i++)
        if (!sys->pds[i]->parent)
            pd_tree(f, sys, sys->pds[i], 1);

    if (sys->nmrs)
        fputs("\n    // Memory regions\n", f);
    for (size_t i = 0; i < sys->nmrs; i++)
        mr_node(f, &sys->mrs[i], i);
    if (sys->nmrs) { /* below the PDs */
        fputs("    { rank=sink;", f);
        for (size_t i = 0; i < sys->nmrs; i++)
            fprintf(f, " mr%zu;", i);
        fputs(" }\n", f);
    }

    bool any = false;
    for (size_t i = 0; i < sys->npds; i++) {
        const struct pd *pd = sys->pds[i];
        for (size_t k = 0; k < pd->nmaps; k++) {
            if (!any)
                fputs("\n    // Maps: the PD's permissions and virtual address\n", f);
            any = true;
            map_edge(f, pd, &pd->maps[k], (size_t)(pd->maps[k].mr - sys->mrs));
        }
    }
    for (size_t v = 0; v < sys->nvms; v++) {
        const struct vm *vm = sys->vms[v];
        for (size_t k = 0; k < vm->nmaps; k++) {
            if (!any)
                fputs("\n    // Maps: the PD's permissions and virtual address\n", f);
            any = true;
            vm_map_edge(f, vm, &vm->maps[k], (size_t)(vm->maps[k].mr - sys->mrs));
        }
    }

    if (sys->nchannels)
        fputs("\n    // Channels\n", f);
    for (size_t c = 0; c < sys->nchannels; c++)
        channel_edges(f, &sys->channels[c]);

    any = false;
    for (size_t i = 0; i < sys->npds; i++) {
        if (sys->pds[i]->nirqs && !any)
            fputs("\n    // IRQs\n", f);
        any = any || sys->pds[i]->nirqs;
        irq_nodes(f, sys->pds[i]);
    }
    fputs("}\n", f);
}

/* dot -Tsvg, reading the DOT text on its standard input and writing to out. */
static void render_svg(const char *path, const char *text, size_t len, FILE *out)
{
    if (fflush(out))
        diag_fatal("--graph: cannot write '%s': %s", path, strerror(errno));
    int in[2];
    if (pipe(in))
        diag_fatal("--graph: pipe: %s", strerror(errno));
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, fileno(out), 1);
    posix_spawn_file_actions_addclose(&fa, in[0]);
    posix_spawn_file_actions_addclose(&fa, in[1]);
    char *argv[] = {"dot", "-Tsvg", NULL};
    extern char **environ;
    pid_t pid;
    int err = posix_spawnp(&pid, "dot", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    if (err) {
        close(in[1]);
        if (err == ENOENT)
            diag_fatal("--graph '%s': Graphviz's `dot` was not found in PATH, and it renders the SVG; install "
                       "Graphviz (Debian: apt-get install graphviz, or scripts/install-deps.sh), or ask for the "
                       "DOT source with --graph FILE.dot",
                       path);
        diag_fatal("--graph '%s': cannot run `dot`: %s", path, strerror(err));
    }
    /* dot reads all of its input before writing: no deadlock. A dot that dies early gives EPIPE, not SIGPIPE. */
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(in[1], text + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    close(in[1]);
    signal(SIGPIPE, old);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            diag_fatal("--graph: waiting for `dot`: %s", strerror(errno));
    if (WIFSIGNALED(status))
        diag_fatal("--graph '%s': `dot -Tsvg` was killed by signal %d", path, WTERMSIG(status));
    if (WEXITSTATUS(status))
        diag_fatal("--graph '%s': `dot -Tsvg` failed (exit status %d; its messages are above)", path,
                   WEXITSTATUS(status));
    if (done < len)
        diag_fatal("--graph '%s': `dot -Tsvg` did not read the whole graph", path);
    struct stat st;
    if (fstat(fileno(out), &st) || st.st_size == 0)
        diag_fatal("--graph '%s': `dot -Tsvg` exited successfully but wrote nothing", path);
    /* dot wrote through our file descriptor: the FILE's position is behind, but nothing more is written to it. */
}

void graph_write(const struct system *sys, const char *path)
{
    enum graph_format fmt = format_of(path);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        diag_fatal("--graph: out of memory");
    graph_dot(mem, sys);
    if (fclose(mem))
        diag_fatal("--graph: out of memory");
    FILE *out = output_open(path);
    if (fmt == GRAPH_DOT) {
        if (fwrite(text, 1, len, out) != len)
            diag_fatal("--graph: cannot write '%s'", path);
    } else {
        render_svg(path, text, len, out);
    }
    free(text);
}
