# microkit --graph cases, sourced by tests/tool/run.sh (uses its TOOL, ASAN,
# ROOT, TMP, ok, ko and meta). The flagship's graph (DOT: names, perms, PPC
# direction; SVG: renders, is XML), the committed docs/images copy is up to
# date, a hostile system (63 PDs, nested, many channels, nasty names) renders,
# and every failure (bad system, no or failing dot, bad file name) leaves no
# graph file and keeps an existing one as it was.
GR=$ROOT/tests/tool/graph
FLAGSHIP=$ROOT/examples/shared-memory/shared-memory.system

# graph NAME SYSTEM OUT [TOOL]: run the tool from the system's directory (no ELFs there).
graph() {
    (cd "$(dirname "$2")" && "${4:-$TOOL}" "$(basename "$2")" --board qemu_virt_aarch64 --config debug \
        --graph "$3") >"$TMP/gr-$1.out" 2>&1
}

# no_output DIR: nothing in DIR (no graph, no temporary).
no_output() { [ -z "$(ls -A "$1")" ]; }

# is_svg FILE: an XML document whose root is <svg>.
is_svg() {
    python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); sys.exit(r.tag != "{http://www.w3.org/2000/svg}svg")' "$1" 2>/dev/null
}

rm -rf "$TMP/gr" && mkdir -p "$TMP/gr"
if ! graph dot "$FLAGSHIP" "$TMP/gr/flagship.dot"; then
    ko graph/flagship-dot "exit status $?: $(head -n1 "$TMP/gr-dot.out")"
elif why=$(python3 "$GR/check_dot.py" "$TMP/gr/flagship.dot") && [ -n "$why" ]; then
    ko graph/flagship-dot "$(echo "$why" | head -n1)"
else
    ok graph/flagship-dot
fi

if ! graph svg "$FLAGSHIP" "$TMP/gr/flagship.svg"; then
    ko graph/flagship-svg "exit status $?: $(head -n1 "$TMP/gr-svg.out")"
elif ! is_svg "$TMP/gr/flagship.svg"; then
    ko graph/flagship-svg "not an SVG document"
elif ! grep -q '>client<' "$TMP/gr/flagship.svg" || ! grep -q '>region_b<' "$TMP/gr/flagship.svg"; then
    ko graph/flagship-svg "the SVG lacks the names client and region_b"
elif [ -s "$TMP/gr-svg.out" ]; then
    ko graph/flagship-svg "printed: $(head -n1 "$TMP/gr-svg.out")"
else
    ok graph/flagship-svg
fi

# docs/images/shared-memory.{dot,svg} (README.md) are what `make graph-docs` makes now:
# the DOT byte for byte; the SVG has the same texts and the same nodes and edges
# (its coordinates depend on Graphviz's version and fonts, so they are not compared).
svg_texts() {
    python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as E
ns = "{http://www.w3.org/2000/svg}"
root = E.parse(sys.argv[1]).getroot()
items = sorted(("title:" if e.tag == ns + "title" else "text:") + (e.text or "")
               for e in root.iter() if e.tag in (ns + "text", ns + "title"))
print("\n".join(items))
PY
}
if ! cmp -s "$ROOT/docs/images/shared-memory.dot" "$TMP/gr/flagship.dot"; then
    ko graph/docs-current "docs/images/shared-memory.dot is out of date: run make graph-docs"
elif [ "$(svg_texts "$ROOT/docs/images/shared-memory.svg")" != "$(svg_texts "$TMP/gr/flagship.svg")" ]; then
    ko graph/docs-current "docs/images/shared-memory.svg is out of date: run make graph-docs"
else
    ok graph/docs-current
fi

# Hostile: the most PDs a system may have, three levels, 189 channels, names
# that DOT, HTML labels and XML must escape. Also under the sanitizers.
mkdir -p "$TMP/gr-hostile"
python3 "$GR/hostile.py" "$TMP/gr-hostile/hostile.system"
if ! graph hostile "$TMP/gr-hostile/hostile.system" "$TMP/gr/hostile.svg"; then
    ko graph/hostile-63-pds "exit status $?: $(head -n1 "$TMP/gr-hostile.out")"
elif ! is_svg "$TMP/gr/hostile.svg"; then
    ko graph/hostile-63-pds "not an SVG document"
elif [ "$(grep -c '<g id="node' "$TMP/gr/hostile.svg")" -lt 63 ]; then
    ko graph/hostile-63-pds "fewer than 63 nodes in the SVG"
elif [ "$(grep -c '<g id="edge' "$TMP/gr/hostile.svg")" -lt 189 ]; then
    ko graph/hostile-63-pds "fewer than 189 edges in the SVG"
else
    ok graph/hostile-63-pds
fi
if ! ASAN_OPTIONS=detect_leaks=0 graph hostile-asan "$TMP/gr-hostile/hostile.system" "$TMP/gr/hostile-asan.dot" "$ASAN"; then
    ko graph/hostile-asan "exit status $?: $(head -n1 "$TMP/gr-hostile-asan.out")"
elif [ -s "$TMP/gr-hostile-asan.out" ]; then
    ko graph/hostile-asan "printed: $(head -n1 "$TMP/gr-hostile-asan.out")"
elif ! dot -Tsvg "$TMP/gr/hostile-asan.dot" >/dev/null 2>"$TMP/gr-hostile-asan.dot-err"; then
    ko graph/hostile-asan "dot rejects the DOT text: $(head -n1 "$TMP/gr-hostile-asan.dot-err")"
else
    ok graph/hostile-asan
fi

# fails NAME WANT SYSTEM OUT [ENV...]: exit 1, WANT in the output, OUT's directory as it was
# (OUT itself, when it existed, unchanged).
fails() {
    name=$1 want=$2 sys=$3 out=$4
    shift 4
    before=$(cat "$out" 2>/dev/null)
    ls -A "$(dirname "$out")" >"$TMP/gr-before" 2>/dev/null
    (cd "$(dirname "$sys")" && env "$@" "$TOOL" "$(basename "$sys")" --board qemu_virt_aarch64 --config debug \
        --graph "$out") >"$TMP/gr-$name.out" 2>&1
    rc=$?
    if [ $rc -ne 1 ]; then
        ko "graph/$name" "exit status $rc, expected 1"
    elif ! grep -qF -- "$want" "$TMP/gr-$name.out"; then
        ko "graph/$name" "output lacks '$want' (got: $(head -n1 "$TMP/gr-$name.out"))"
    elif ! ls -A "$(dirname "$out")" 2>/dev/null | cmp -s - "$TMP/gr-before"; then
        ko "graph/$name" "files left: $(ls -A "$(dirname "$out")" | tr '\n' ' ')"
    elif [ "$(cat "$out" 2>/dev/null)" != "$before" ]; then
        ko "graph/$name" "$out was changed"
    else
        ok "graph/$name"
    fi
}

# Bad systems: the usual diagnostics, no graph.
for b in both-pp bad-perms channel-one-end ppc-priority; do
    f=$ROOT/tests/tool/bad/$b.system
    [ -e "$f" ] || continue
    rm -rf "$TMP/gr-bad" && mkdir -p "$TMP/gr-bad"
    fails "bad-$b" "$(meta expect "$f" | head -n1)" "$f" "$TMP/gr-bad/g.svg"
done

# An existing graph survives a failed run untouched.
rm -rf "$TMP/gr-keep" && mkdir -p "$TMP/gr-keep" && echo old >"$TMP/gr-keep/g.dot"
fails keeps-old-graph "error:" "$ROOT/tests/tool/bad/both-pp.system" "$TMP/gr-keep/g.dot"

# No Graphviz: a clear error naming what to install; the .dot still works without it.
rm -rf "$TMP/gr-nodot" && mkdir -p "$TMP/gr-nodot"
fails no-dot "Graphviz's \`dot\` was not found" "$FLAGSHIP" "$TMP/gr-nodot/g.svg" PATH=/nonexistent
if (cd "$(dirname "$FLAGSHIP")" && PATH=/nonexistent "$TOOL" shared-memory.system --board qemu_virt_aarch64 \
    --config debug --graph "$TMP/gr-nodot/g.dot") >"$TMP/gr-nodot.out" 2>&1 && [ -s "$TMP/gr-nodot/g.dot" ]; then
    ok graph/dot-without-graphviz
else
    ko graph/dot-without-graphviz "$(head -n1 "$TMP/gr-nodot.out")"
fi
rm -f "$TMP/gr-nodot/g.dot"

# A dot that fails (here: prints an error, writes half an SVG, exits 3): no graph.
mkdir -p "$TMP/gr-fakebin"
printf '#!/bin/sh\ncat >/dev/null\necho "<svg half"\necho "dot: fake failure" >&2\nexit 3\n' >"$TMP/gr-fakebin/dot"
chmod +x "$TMP/gr-fakebin/dot"
rm -rf "$TMP/gr-fail" && mkdir -p "$TMP/gr-fail"
fails dot-fails "failed (exit status 3" "$FLAGSHIP" "$TMP/gr-fail/g.svg" PATH="$TMP/gr-fakebin:$PATH"
# A dot that reads its input, writes nothing and exits 0 (a broken install): no graph either.
printf '#!/bin/sh\ncat >/dev/null\nexit 0\n' >"$TMP/gr-fakebin/dot"
fails dot-writes-nothing "wrote nothing" "$FLAGSHIP" "$TMP/gr-fail/g.svg" PATH="$TMP/gr-fakebin:$PATH"

# File names: .svg, .dot or .gv only; a missing directory; a directory.
fails bad-extension "must end in .svg" "$FLAGSHIP" "$TMP/gr-fail/g.png"
fails missing-dir "its directory does not exist" "$FLAGSHIP" "$TMP/gr-fail/nosuch/g.svg"
mkdir -p "$TMP/gr-dir/g.dot"
fails is-a-directory "g.dot" "$FLAGSHIP" "$TMP/gr-dir/g.dot"
rmdir "$TMP/gr-dir/g.dot"

cli graph-and-gen-headers 1 "--graph and --gen-headers each make a run of their own" \
    minimal.system --board qemu_virt_aarch64 --config debug --graph "$TMP/x.dot" --gen-headers "$TMP/h"
cli graph-needs-value 1 "option '--graph' needs a value" minimal.system --board qemu_virt_aarch64 --config debug --graph
cli help-graph 0 "--graph FILE" --help

# A VM is a node in its VMM's cluster, joined to it, with its guest-physical maps (tests/tool/good/vm.system).
VMSYS=$ROOT/tests/tool/good/vm.system
if ! graph vm "$VMSYS" "$TMP/gr/vm.dot"; then
    ko graph/vm "exit status $?: $(head -n1 "$TMP/gr-vm.out")"
elif ! why=$(python3 - "$TMP/gr/vm.dot" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
cluster = re.search(r'subgraph cluster_pd0 \{(.*?)\n    \}', t, re.S)
want = [(cluster and 'vm0 [shape=component' in cluster.group(1), 'vm0 is not in the cluster of its VMM pd0'),
        ('<b>guest</b><br/>virtual machine, priority 100<br/>budget 5000 us of 10000 us<br/>vCPUs 0, 1>' in t,
         'the label of vm0 lacks its priority, budget or vCPUs'),
        ('pd0 -> vm0 [' in t, 'no edge from the VMM pd0 to vm0'),
        ('vm0 -> mr0 [dir=none, style=dashed, color="#b5651d", label=<<b>rwx</b> at guest-physical 0x40000000>]' in t,
         'no rwx map of guest_ram at guest-physical 0x40000000'),
        ('vm1 -> mr3 [' in t and 'vCPU 7>' in t, 'the second VM or its map is missing')]
print('; '.join(msg for ok, msg in want if not ok))
PY
) || [ -n "$why" ]; then
    ko graph/vm "$why"
elif ! dot -Tsvg "$TMP/gr/vm.dot" >/dev/null 2>"$TMP/gr-vm.err"; then
    ko graph/vm "dot rejects it: $(head -n1 "$TMP/gr-vm.err")"
else
    ok graph/vm
fi
