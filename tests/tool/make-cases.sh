# Makefile cases, sourced by tests/tool/run.sh (uses ROOT, BUILD, TMP, ok, ko):
# make help lists every real target (top level and examples/example.mk), and
# builds are quiet by default with V=1 for full command lines, errors visible.

# A make of our own, not the jobserver or variables of a make that runs the tests.
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u V make --no-print-directory "$@"; }

# help_check NAME DIR ARGS...: the targets "  make T  ..." of `make help` in DIR against make's database.
help_check() {
    name=$1 dir=$2
    shift 2
    if ! mk -C "$dir" "$@" help >"$TMP/help.out" 2>&1; then
        ko "make/$name-help" "make help failed: $(head -n1 "$TMP/help.out")"
        return
    fi
    sed -n 's/^  make \([A-Za-z0-9_.-]*\) .*/\1/p' "$TMP/help.out" | sort -u >"$TMP/help.listed"
    mk -C "$dir" "$@" -pRrq __make_cases_no_target__ >"$TMP/help.db" 2>/dev/null
    # Targets: "name:" lines of the database, except those make marks "# Not a target:".
    awk '/^# Not a target:/ { skip = 1; next } /^[A-Za-z0-9_.-]+::?( |$)/ { if (!skip) { sub(/::?.*/, ""); print } } { skip = 0 }' \
        "$TMP/help.db" | sort -u >"$TMP/help.targets"
    sed -n 's/^\.PHONY: //p' "$TMP/help.db" | tr ' ' '\n' | sed '/^$/d' | sort -u >"$TMP/help.phony"
    { echo __none__; sed -n 's/^HELP_INTERNAL := //p' "$TMP/help.db" | tr ' ' '\n'; } >"$TMP/help.internal"
    missing=$(comm -23 "$TMP/help.listed" "$TMP/help.targets" | tr '\n' ' ')
    unlisted=$(comm -23 "$TMP/help.phony" "$TMP/help.listed" | grep -vxF -f "$TMP/help.internal" | tr '\n' ' ')
    if [ ! -s "$TMP/help.listed" ]; then
        ko "make/$name-help" "make help lists no target"
    elif [ -n "$missing" ]; then
        ko "make/$name-help" "make help lists targets that do not exist: $missing"
    elif [ -n "$unlisted" ]; then
        ko "make/$name-help" ".PHONY targets missing from make help: $unlisted(add them, or to HELP_INTERNAL)"
    else
        ok "make/$name-help"
    fi
}
help_check top "$ROOT"
help_check example "$ROOT/examples/hello" MICROKIT_SDK="$BUILD/sdk"

# Quiet by default, V=1 for everything: a small host program of the top level, in a build directory of its own.
qb=$TMP/quiet-build
rm -rf "$qb"
mk -C "$ROOT" BUILD="$qb" "$qb/tests/tool/imgcheck" >"$TMP/quiet.out" 2>&1
if [ ! -x "$qb/tests/tool/imgcheck" ]; then
    ko make/top-quiet "build failed: $(head -n1 "$TMP/quiet.out")"
elif grep -q -- '-Wextra' "$TMP/quiet.out" || ! grep -qx "  CCLD     $qb/tests/tool/imgcheck" "$TMP/quiet.out"; then
    ko make/top-quiet "want one line '  CCLD     $qb/tests/tool/imgcheck', got: $(head -n2 "$TMP/quiet.out" | tr '\n' '|')"
else
    ok make/top-quiet
fi
mk -C "$ROOT" BUILD="$qb" V=1 -B "$qb/tests/tool/imgcheck" >"$TMP/quiet.out" 2>&1
if grep -q -- '-Wextra -Werror -Iinclude -o ' "$TMP/quiet.out"; then ok make/top-v1; else ko make/top-v1 "no full command line: $(head -n1 "$TMP/quiet.out")"; fi
# A failing step: the compiler's message, and the whole command line that failed.
mk -C "$ROOT" BUILD="$qb" HOSTCC="gcc -include /nonexistent-header.h" -B "$qb/tests/tool/imgcheck" >"$TMP/quiet.out" 2>&1
rc=$?
if [ $rc -eq 0 ]; then
    ko make/top-quiet-error "the build did not fail"
elif ! grep -q 'nonexistent-header.h: No such file' "$TMP/quiet.out"; then
    ko make/top-quiet-error "the compiler's error is not shown: $(head -n2 "$TMP/quiet.out" | tr '\n' '|')"
elif ! grep -q '^failed (exit status 1): gcc -include /nonexistent-header.h ' "$TMP/quiet.out"; then
    ko make/top-quiet-error "the failing command line is not shown: $(tr '\n' '|' <"$TMP/quiet.out" | cut -c1-200)"
else
    ok make/top-quiet-error
fi

# An example: quiet, V=1, and a compile error shown.
eb=$TMP/quiet-example
rm -rf "$eb" && cp -r "$ROOT/examples/hello" "$eb.src"
mk -C "$ROOT/examples/hello" MICROKIT_SDK="$BUILD/sdk" BUILD_DIR="$eb" >"$TMP/quiet.out" 2>&1
if [ ! -s "$eb/loader.img" ]; then
    ko make/example-quiet "build failed: $(head -n1 "$TMP/quiet.out")"
elif grep -q -- '-ffreestanding' "$TMP/quiet.out" || ! grep -qx '  CC       hello.o' "$TMP/quiet.out"; then
    ko make/example-quiet "want short lines ('  CC       hello.o'), got: $(head -n3 "$TMP/quiet.out" | tr '\n' '|')"
else
    ok make/example-quiet
fi
rm -rf "$eb"
mk -C "$ROOT/examples/hello" MICROKIT_SDK="$BUILD/sdk" BUILD_DIR="$eb" V=1 >"$TMP/quiet.out" 2>&1
if grep -q -- '-ffreestanding' "$TMP/quiet.out" && grep -q -- '--gen-headers' "$TMP/quiet.out"; then
    ok make/example-v1
else
    ko make/example-v1 "no full command lines: $(head -n1 "$TMP/quiet.out")"
fi
rm -rf "$eb"
printf 'this is not C;\n' >>"$eb.src/hello.c"
mk -C "$eb.src" MICROKIT_SDK="$BUILD/sdk" BUILD_DIR="$eb" >"$TMP/quiet.out" 2>&1
rc=$?
if [ $rc -ne 0 ] && grep -q 'hello.c:.*error' "$TMP/quiet.out"; then
    ok make/example-quiet-error
else
    ko make/example-quiet-error "exit $rc, no compiler error shown: $(head -n2 "$TMP/quiet.out" | tr '\n' '|')"
fi
rm -rf "$eb" "$eb.src"
