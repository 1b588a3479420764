#!/bin/sh
# Tool tests: cmocka unit tests, good systems (must build; report facts and
# patched values checked), bad systems (must fail with the expected messages
# and leave no output), command-line cases, and the bad corpus again under
# AddressSanitizer + UBSan. Prints "PASS name" / "FAIL name: why" per case and
# ends with "N passed, N failed". Needs `make test-deps` first.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
TOOL=${TOOL:-$BUILD/sdk/bin/microkit}
ASAN=$BUILD/tool-asan/microkit
IMGCHECK=$BUILD/tests/tool/imgcheck
export MICROKIT_SDK=${MICROKIT_SDK:-$BUILD/sdk}
SEARCH="$BUILD/tests/tool/elf $ROOT/tests/tool/data"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

pass=0
fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1: $2"; fail=$((fail + 1)); }

# Lines "<!-- KEY: TEXT -->" of a system file. Keys: expect (bad: text in stderr),
# report / stderr (good: text in report.txt / stderr), json (good: a Python expression
# over the --report-json output, see jsoncheck.py), value (good: "PD ELF SYMBOL VALUE",
# the 8 bytes PD sees at SYMBOL), table (good: text in the packed system table as
# `imgcheck --dump` prints it), flag (good: extra tool option without its "--",
# since XML comments cannot contain "--").
meta() { sed -n "s/.*<!-- $1: \(.*\) -->.*/\1/p" "$2"; }
# The expected messages of a bad system: its "expect" lines, and the lines of NAME.expect beside it for inputs
# that cannot hold a comment (an empty file, a file that is not XML).
expects() { meta expect "$1"; [ ! -f "${1%.system}.expect" ] || cat "${1%.system}.expect"; }

# ---------------------------------------------------------------- unit tests
for t in "$BUILD"/tests/tool/unit/test_*; do
    [ -x "$t" ] || continue
    name=unit/$(basename "$t")
    if "$t" >"$TMP/unit.log" 2>&1; then ok "$name"; else ko "$name" "$(grep -m1 -E 'FAILED|Error|error' "$TMP/unit.log")"; fi
done

# ---------------------------------------------------------------- good systems
for f in "$ROOT"/tests/tool/good/*.system; do
    name=good/$(basename "$f" .system)
    out=$TMP/good
    rm -rf "$out" && mkdir -p "$out"
    # shellcheck disable=SC2086
    (cd "$(dirname "$f")" && "$TOOL" "$(basename "$f")" --board qemu_virt_aarch64 --config debug \
        $(meta flag "$f" | sed 's/^/--/') --search-path $SEARCH -o "$out/loader.img" -r "$out/report.txt" \
        --report-json "$out/report.json") \
        >"$out/stdout" 2>"$out/stderr"
    rc=$?
    why=
    if [ $rc -ne 0 ]; then
        why="exit status $rc: $(head -n1 "$out/stderr")"
    elif [ ! -s "$out/loader.img" ] || [ ! -s "$out/report.txt" ] || [ ! -s "$out/report.json" ]; then
        why="image or report missing"
    elif ! python3 -m json.tool "$out/report.json" >/dev/null 2>"$out/json.err"; then
        why="report.json is not valid JSON: $(head -n1 "$out/json.err")"
    else
        why=$(meta report "$f" | while IFS= read -r text; do
            grep -qF -- "$text" "$out/report.txt" || { echo "report lacks '$text'"; break; }
        done)
        if [ -z "$why" ]; then
            meta json "$f" >"$out/json.exprs"
            why=$(tr '\n' '\0' <"$out/json.exprs" | xargs -0 python3 "$ROOT/tests/tool/jsoncheck.py" "$out/report.json")
        fi
        if [ -z "$why" ] && [ -n "$(meta table "$f")" ]; then
            "$IMGCHECK" --dump "$out/loader.img" >"$out/table" 2>&1
            why=$(meta table "$f" | while IFS= read -r text; do
                grep -qF -- "$text" "$out/table" || { echo "table lacks '$text'"; break; }
            done)
        fi
        [ -n "$why" ] || why=$(meta stderr "$f" | while IFS= read -r text; do
            grep -qF -- "$text" "$out/stderr" || { echo "stderr lacks '$text'"; break; }
        done)
        if [ -z "$why" ]; then
            # "value: PD ELF SYMBOL VALUE": the 8 bytes at SYMBOL (looked up in ELF) as PD sees them.
            triples=$(meta value "$f" | while read -r pd elf sym val; do
                addr=$("${CROSS:-aarch64-linux-gnu-}nm" "$BUILD/tests/tool/elf/$elf" | awk -v s="$sym" '$3 == s { print "0x" $1 }')
                echo "$pd ${addr:-0xdead} $val"
            done)
            # shellcheck disable=SC2086
            why=$("$IMGCHECK" "$out/loader.img" $triples | head -n1)
        fi
    fi
    if [ -z "$why" ]; then ok "$name"; else ko "$name" "$why"; fi
done

# ---------------------------------------------------------------- bad systems
# run_bad TOOL FILE: exit 1, every "expect" text in stderr, no output files left.
run_bad() {
    out=$TMP/bad
    rm -rf "$out" && mkdir -p "$out"
    (cd "$(dirname "$2")" && "$1" "$(basename "$2")" --board qemu_virt_aarch64 --config debug \
        --search-path $SEARCH -o "$out/loader.img" -r "$out/report.txt" --report-json "$out/report.json") \
        >"$out/stdout" 2>"$out/stderr"
    rc=$?
    if grep -qE 'Sanitizer|runtime error' "$out/stderr"; then
        grep -m1 -E 'Sanitizer|runtime error' "$out/stderr"
        return
    fi
    [ $rc -eq 1 ] || { echo "exit status $rc, expected 1"; return; }
    left=$(ls -A "$out" | grep -v -e '^stdout$' -e '^stderr$')
    [ -z "$left" ] || { echo "left output files: $left"; return; }
    expects "$2" | while IFS= read -r text; do
        grep -qF -- "$text" "$out/stderr" || { echo "stderr lacks '$text' (got: $(head -n1 "$out/stderr"))"; break; }
    done
}

for f in "$ROOT"/tests/tool/bad/*.system; do
    name=bad/$(basename "$f" .system)
    [ -n "$(expects "$f")" ] || { ko "$name" "no <!-- expect: ... --> line and no $(basename "$f" .system).expect"; continue; }
    why=$(run_bad "$TOOL" "$f")
    if [ -z "$why" ]; then ok "$name"; else ko "$name" "$why"; fi
done

# ---------------------------------------------------------------- command line
# cli NAME STATUS TEXT ARGS...: exit STATUS and TEXT in stdout+stderr.
cli() {
    name=cli/$1 want=$2 text=$3
    shift 3
    (cd "$ROOT/tests/tool/good" && "$TOOL" "$@") >"$TMP/cli.out" 2>&1
    rc=$?
    if [ $rc -ne "$want" ]; then
        ko "$name" "exit status $rc, expected $want"
    elif ! grep -qF -- "$text" "$TMP/cli.out"; then
        ko "$name" "output lacks '$text' (got: $(head -n1 "$TMP/cli.out"))"
    else
        ok "$name"
    fi
}
G="--search-path $SEARCH -o $TMP/cli.img -r $TMP/cli.txt"
# shellcheck disable=SC2086
{
cli help 0 "usage: microkit SYSTEM" --help
cli help-report-json 0 "--report-json FILE" --help
cli missing-all 1 "missing required arguments: --board, --config, system"
cli missing-config 1 "missing required arguments: --config, system" --board qemu_virt_aarch64
cli unknown-board 1 "unknown board 'pc99' (known: qemu_virt_aarch64)" x.system --board pc99 --config debug
cli unknown-config 1 "unknown config 'fast' (known: debug, release, benchmark)" x.system --board qemu_virt_aarch64 --config fast
cli unknown-option 1 "unknown option '--frobnicate'" --frobnicate
cli system-is-elf 1 "is an ELF file, not a system description" "$BUILD/tests/tool/elf/protected.elf" --board qemu_virt_aarch64 --config debug $G
cli missing-system-file 1 "cannot open system file 'nosuch.system'" nosuch.system --board qemu_virt_aarch64 --config debug $G
cli capdl-notice 0 "--capdl-json is accepted for compatibility and ignored" minimal.system --board qemu_virt_aarch64 --config release --capdl-json "$TMP/x.json" --viper-output "$TMP/v" $G
cli image-type 1 "image type 'elf' is not supported" minimal.system --board qemu_virt_aarch64 --config debug --image-type elf $G
sdk=$MICROKIT_SDK
MICROKIT_SDK=$TMP/nosdk
cli no-kernel 1 "kernel not found: '$TMP/nosdk/board/qemu_virt_aarch64/debug/elf/minikit.elf'" minimal.system --board qemu_virt_aarch64 --config debug $G
# A system with a <virtual_machine> takes the kernel with VM support, and only it.
cli no-vm-kernel 1 "kernel not found: '$TMP/nosdk/board/qemu_virt_aarch64/release/elf/minikit-vm.elf'" vm.system --board qemu_virt_aarch64 --config release $G
MICROKIT_SDK=$sdk
}

# ---------------------------------------------------------------- outputs, all or nothing
# outputs NAME TEXT ARGS...: run in a fresh directory $O holding only in.system (a copy of minimal.system),
# old.txt, dir/, fifo and elfs/protected.elf (searched first: a tool that overwrites its inputs only spoils the copy);
# exit 1, TEXT in the output, and the directory exactly as it was (no output, no temporary).
O=$TMP/outputs
outputs() {
    name=cli/outputs-$1 text=$2
    shift 2
    rm -rf "$O" && mkdir -p "$O/dir" "$O/elfs" && cp "$ROOT/tests/tool/good/minimal.system" "$O/in.system" &&
        echo old >"$O/old.txt" && cp "$BUILD/tests/tool/elf/protected.elf" "$O/elfs/" && mkfifo "$O/fifo"
    before=$(cd "$O" && ls -AR && md5sum in.system old.txt elfs/protected.elf)
    # shellcheck disable=SC2086
    (cd "$O" && timeout 60 "$TOOL" "$@" --board qemu_virt_aarch64 --config debug --search-path elfs $SEARCH) \
        >"$TMP/cli.out" 2>&1 # timeout: a tool that opened the FIFO would block
    rc=$?
    after=$(cd "$O" && ls -AR && md5sum in.system old.txt elfs/protected.elf)
    if [ $rc -ne 1 ]; then
        ko "$name" "exit status $rc, expected 1"
    elif ! grep -qF -- "$text" "$TMP/cli.out"; then
        ko "$name" "output lacks '$text' (got: $(head -n1 "$TMP/cli.out"))"
    elif [ "$before" != "$after" ]; then
        ko "$name" "the directory changed: $(echo "$after" | tr '\n' ' ')"
    else
        ok "$name"
    fi
}
outputs report-is-dir "-r 'dir' is a directory" in.system -o img -r dir
outputs json-is-dir "--report-json 'dir' is a directory" in.system -o img -r rep --report-json dir
outputs image-is-report "-o 'same' and -r 'same' are the same file" in.system -o same -r same
outputs json-is-report "-r 'rep' and --report-json './rep' are the same file" in.system -o img -r rep --report-json ./rep
outputs image-is-system "-o 'in.system' is also an input (the system file" in.system -o in.system -r rep
outputs report-is-system "-r './in.system' is also an input (the system file" in.system -o img -r ./in.system
outputs image-is-elf "is also an input (the program image of protection_domain 'alone'" in.system \
    -o elfs/protected.elf -r rep
outputs no-directory "-o 'nodir/img': its directory does not exist" in.system -o nodir/img -r rep
# A FIFO of the test's own, never /dev/null: a tool with this bug (one did) would replace the device node.
outputs device "-r 'fifo' is not a regular file" in.system -o img -r fifo
outputs failed-build "no protection_domain named" "$ROOT/tests/tool/bad/unknown-pd-in-end.system" -o img -r old.txt \
    --report-json j
# A link to an input is the input.
outputs_link() {
    rm -rf "$O" && mkdir -p "$O/elfs" && cp "$BUILD/tests/tool/elf/protected.elf" "$O/elfs/" &&
        ln -s elfs/protected.elf "$O/link.elf"
    sum=$(md5sum <"$O/elfs/protected.elf")
    # shellcheck disable=SC2086
    (cd "$O" && "$TOOL" "$ROOT/tests/tool/good/minimal.system" --board qemu_virt_aarch64 --config debug \
        --search-path elfs $SEARCH -o link.elf -r rep) >"$TMP/cli.out" 2>&1
    rc=$?
    if [ $rc -ne 1 ] || ! grep -qF "is also an input" "$TMP/cli.out"; then
        echo "exit status $rc: $(head -n1 "$TMP/cli.out")"
    elif [ ! -L "$O/link.elf" ] || [ -e "$O/rep" ] || [ "$(md5sum <"$O/elfs/protected.elf")" != "$sum" ]; then
        echo "files changed: $(find "$O" -mindepth 1 | tr '\n' ' ')"
    fi
}
why=$(outputs_link)
if [ -z "$why" ]; then ok cli/outputs-symlink-to-input; else ko cli/outputs-symlink-to-input "$why"; fi
# Success replaces existing outputs and leaves no temporary beside them.
rm -rf "$O" && mkdir -p "$O" && echo old >"$O/img" && echo old >"$O/rep"
# shellcheck disable=SC2086
(cd "$O" && "$TOOL" "$ROOT/tests/tool/good/minimal.system" --board qemu_virt_aarch64 --config debug --search-path $SEARCH \
    -o img -r rep --report-json j) >"$TMP/cli.out" 2>&1
rc=$?
# shellcheck disable=SC2012
if [ $rc -eq 0 ] && [ "$(ls -A "$O" | tr '\n' ' ')" = "img j rep " ] && [ "$(cat "$O/rep")" != old ] &&
    [ "$(wc -c <"$O/img")" -gt 4096 ]; then
    ok cli/outputs-replaced
else
    ko cli/outputs-replaced "$(find "$O" -mindepth 1 | tr '\n' ' ') $(head -n1 "$TMP/cli.out")"
fi
# A rename that fails during the commit (fail-rename.so): every output keeps its earlier content, nothing else
# is left. FAIL: the destination suffix that fails: "rep" (the second output's move into place, after the first
# was replaced: that must be undone), ".old" (moving the first existing output aside).
outputs_undo() {
    rm -rf "$O" && mkdir -p "$O" && echo old-img >"$O/img" && echo old-rep >"$O/rep"
    # shellcheck disable=SC2086
    (cd "$O" && LD_PRELOAD="$BUILD/tests/tool/fail-rename.so" FAIL_RENAME_TO=$1 "$TOOL" \
        "$ROOT/tests/tool/good/minimal.system" --board qemu_virt_aarch64 --config debug --search-path $SEARCH \
        -o img -r rep) >"$TMP/cli.out" 2>&1
    rc=$?
    # shellcheck disable=SC2012
    if [ $rc -ne 1 ] || ! grep -qF "$2" "$TMP/cli.out"; then
        echo "exit status $rc: $(head -n1 "$TMP/cli.out")"
    elif [ "$(ls -A "$O" | tr '\n' ' ')" != "img rep " ] || [ "$(cat "$O/img")" != old-img ] ||
        [ "$(cat "$O/rep")" != old-rep ]; then
        echo "files changed: $(ls -A "$O" | tr '\n' ' ')"
    fi
}
why=$(outputs_undo rep "cannot rename")
if [ -z "$why" ]; then ok cli/outputs-undo-rename; else ko cli/outputs-undo-rename "$why"; fi
why=$(outputs_undo .old "cannot move -o 'img' aside")
if [ -z "$why" ]; then ok cli/outputs-undo-move-aside; else ko cli/outputs-undo-move-aside "$why"; fi

# ---------------------------------------------------------------- docs
if why=$("$ROOT/tests/tool/list-checks.sh" --check); then ok docs/check-list; else ko docs/check-list "$why"; fi

# ---------------------------------------------------------------- --gen-headers
. "$ROOT/tests/tool/genheaders/cases.sh"

# ---------------------------------------------------------------- more command line
. "$ROOT/tests/tool/cli-cases.sh"

# ---------------------------------------------------------------- make help, V=1
. "$ROOT/tests/tool/make-cases.sh"

# ---------------------------------------------------------------- --graph
. "$ROOT/tests/tool/graph/cases.sh"

# ---------------------------------------------------------------- sanitizers
# The tool stops at its first error and leaves freeing to exit, so leaks are not findings.
export ASAN_OPTIONS=detect_leaks=0
for f in "$ROOT"/tests/tool/bad/*.system; do
    name=asan/$(basename "$f" .system)
    why=$(run_bad "$ASAN" "$f")
    if [ -z "$why" ]; then ok "$name"; else ko "$name" "$why"; fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
