#!/bin/sh
# Boots each benchmark system under QEMU with deterministic instruction
# counting, prints its figures as one table, and compares them with the
# figures recorded in bench/expected.txt.
#   bench/run-ipc.sh BUILD SYSTEM...
#
# Exit status: 1 if a benchmark PD reported FAIL (a reply or delivery was
# wrong), a figure is missing, or a figure got worse than expected.txt by
# more than 1% (the figures are deterministic instruction counts, so a rise
# is a real cost, not noise: the commit that accepts it updates expected.txt,
# `make bench-ipc-record`); BENCH_ALLOW_WORSE=1 reports but does not fail.
set -eu
build=$1
shift
here=$(dirname "$0")
expected=$here/expected.txt
out=$build/bench/results.txt
: > "$out"

flagship=$build/examples/shared-memory/loader.img
[ -f "$flagship" ] && echo "image	flagship loader.img (shared-memory, debug)	$(wc -c < "$flagship")" >> "$out"
for s in "$@"; do
    img=$build/bench/$s/loader.img
    echo "image	$s loader.img (benchmark)	$(wc -c < "$img")" >> "$out"
    # A system with an IRQ bound never powers off by itself: stop QEMU (by
    # its pid) once the benchmark says it is done.
    log=$build/bench/$s.log
    QEMU_ICOUNT=1 timeout 120 "$here/../scripts/run-qemu.sh" "$img" </dev/null > "$log.raw" 2>&1 &
    pid=$!
    while kill -0 $pid 2>/dev/null && ! grep -q "^bench: done" "$log.raw" 2>/dev/null; do sleep 0.2; done
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    tr -d '\r' < "$log.raw" > "$log"
    rm -f "$log.raw"
    # "bench: NAME: X instructions ..." -> "system<TAB>NAME<TAB>X"; of three equal runs keep one
    sed -n 's/^bench: \([^:]*\): \([0-9.]*\) instructions.*/\1	\2/p' "$log" |
        awk -F'\t' -v s="$s" '{ k = $1; if (!(k in v)) { order[n++] = k; v[k] = $2 } else if (v[k] != $2) v[k] = v[k] "/" $2 }
            END { for (i = 0; i < n; i++) print s "\t" order[i] "\t" v[order[i]] }' >> "$out"
    grep '^bench: FAIL' "$log" | sed "s/^/$s: /" >> "$out.fail" || true
    grep -q '^bench: done' "$log" || echo "$s: never printed 'bench: done'" >> "$out.fail"
done

awk -F'\t' -v allow="${BENCH_ALLOW_WORSE:-0}" '
    FILENAME == ARGV[1] { if ($0 !~ /^#/ && NF >= 3) want[$1 "\t" $2] = $3; next }
    {
        k = $1 "\t" $2; v = $3; split(v, parts, "/"); cur = parts[1] + 0
        note = ""
        if (index(v, "/")) note = "  UNSTABLE"
        if (k in want) {
            e = want[k] + 0; seen[k] = 1
            if (cur > e * 1.01 + 0.5) { note = note sprintf("  WORSE than %s (+%.1f%%)", want[k], (cur - e) * 100 / e); worse++ }
            else if (cur < e * 0.99 - 0.5) note = note sprintf("  better than %s", want[k])
        } else note = note "  (not in expected.txt)"
        printf "%-10s %-48s %12s%s\n", $1, $2, v, note
    }
    END {
        for (k in want) if (!(k in seen)) { split(k, p, "\t"); printf "%-10s %-48s %12s  MISSING\n", p[1], p[2], "-"; worse++ }
        if (worse) {
            printf "\nbench-ipc: %d figure(s) worse than bench/expected.txt or missing\n", worse
            exit allow == 1 ? 0 : 1
        }
        print "\nbench-ipc: no figure worse than bench/expected.txt"
    }' "$expected" "$out" || status=1
if [ -s "$out.fail" ]; then
    cat "$out.fail"
    echo "bench-ipc: a benchmark PD saw a wrong reply or delivery, or did not finish"
    rm -f "$out.fail"
    exit 1
fi
rm -f "$out.fail"
exit ${status:-0}
