# microkit --gen-headers cases, sourced by tests/tool/run.sh (uses its TOOL,
# TMP, ok and ko). names.system must give exactly the headers in expected/;
# they must compile; changing only ids in the .system must change only the
# constants' values; a bad system must leave no header behind.
GH=$ROOT/tests/tool/genheaders

# gen NAME SYSTEM OUTDIR: run the tool from the system's directory.
gen() {
    (cd "$(dirname "$2")" && "$TOOL" "$(basename "$2")" --board qemu_virt_aarch64 --config debug \
        --gen-headers "$3") >"$TMP/gh-$1.out" 2>&1
}

rm -rf "$TMP/gh"
if ! gen names "$GH/names.system" "$TMP/gh"; then
    ko genheaders/names "exit status $?: $(head -n1 "$TMP/gh-names.out")"
elif ! diff -r "$GH/expected" "$TMP/gh/microkit_gen" >"$TMP/gh.diff"; then
    ko genheaders/names "differs from expected/: $(head -n3 "$TMP/gh.diff" | tr '\n' ' ')"
else
    ok genheaders/names
fi

why=
for h in "$TMP"/gh/microkit_gen/*.h; do
    printf '#include <microkit_gen/%s>\nint main(void) { return 0; }\n' "$(basename "$h")" >"$TMP/gh-use.c"
    gcc -std=c11 -Wall -Wextra -Werror -fsyntax-only -I"$TMP/gh" "$TMP/gh-use.c" 2>"$TMP/gh-cc.out" \
        || why="$(basename "$h"): $(head -n1 "$TMP/gh-cc.out")"
done
if [ -z "$why" ]; then ok genheaders/compile; else ko genheaders/compile "$why"; fi

# Same system with every channel and child id moved: same names, other values.
mkdir -p "$TMP/gh-ids"
sed -e 's/id="\([0-9]*\)"/id="1\1"/' "$GH/names.system" >"$TMP/gh-ids/names.system"
names() { sed -n 's/^#define \([A-Z0-9_]*\) .*/\1/p' "$1"/microkit_gen/*.h; }
if ! gen ids "$TMP/gh-ids/names.system" "$TMP/gh-ids/out"; then
    ko genheaders/ids-only-change "exit status $?: $(head -n1 "$TMP/gh-ids.out")"
elif [ "$(names "$TMP/gh")" != "$(names "$TMP/gh-ids/out")" ]; then
    ko genheaders/ids-only-change "constant names changed with the ids"
elif ! grep -q '^#define CH_CLIENT_2 18 ' "$TMP/gh-ids/out/microkit_gen/driver.h"; then
    ko genheaders/ids-only-change "CH_CLIENT_2 is not the new id 18"
else
    ok genheaders/ids-only-change
fi

rm -rf "$TMP/gh-bad"
if gen bad "$GH/bad.system" "$TMP/gh-bad"; then
    ko genheaders/bad-system "exit status 0"
elif ! grep -q "nosuch" "$TMP/gh-bad.out"; then
    ko genheaders/bad-system "no error about 'nosuch': $(head -n1 "$TMP/gh-bad.out")"
elif [ -e "$TMP/gh-bad" ]; then
    ko genheaders/bad-system "wrote $(find "$TMP/gh-bad" -type f | head -n1)"
else
    ok genheaders/bad-system
fi

if "$TOOL" x.system --board qemu_virt_aarch64 --config debug --gen-headers >/dev/null 2>"$TMP/gh-cli.out"; then
    ko genheaders/needs-dir "exit status 0"
elif grep -q "option '--gen-headers' needs a value" "$TMP/gh-cli.out"; then
    ok genheaders/needs-dir
else
    ko genheaders/needs-dir "$(head -n1 "$TMP/gh-cli.out")"
fi

# The output directory and its missing parents are created (mkdir -p).
rm -rf "$TMP/gh-deep"
if ! gen deep "$GH/names.system" "$TMP/gh-deep/a/b"; then
    ko genheaders/creates-dir "exit status $?: $(head -n1 "$TMP/gh-deep.out")"
elif [ ! -s "$TMP/gh-deep/a/b/microkit_gen/driver.h" ]; then
    ko genheaders/creates-dir "no $TMP/gh-deep/a/b/microkit_gen/driver.h"
else
    ok genheaders/creates-dir
fi
