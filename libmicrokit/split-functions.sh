#!/bin/sh
# split-functions.sh OBJ OUTDIR: one object per global (or weak) function of OBJ
# (compiled with -ffunction-sections), so that an archive of them links only
# the functions a PD uses: the linker takes archive members, not functions,
# and PD builds do not pass --gc-sections. Each OUTDIR/<function>.o keeps
# what that function reaches (ld -r --gc-sections), exports only it (a
# function of OBJ it calls becomes its private copy, so two members never
# define the same symbol) and names as undefined only what it calls (an
# undefined symbol would pull its member in even if nothing used it).
set -eu
obj=$1
out=$2
cross=${CROSS:-aarch64-linux-gnu-}
rm -rf "$out"
mkdir -p "$out"
for f in $("${cross}nm" --defined-only -g "$obj" | awk '$2 == "T" || $2 == "W" { print $3 }'); do
    "${cross}ld" -r --gc-sections -u "$f" -o "$out/$f.o.tmp" "$obj"
    "${cross}objcopy" --keep-global-symbol="$f" --strip-unneeded --keep-section='.debug*' \
        "$out/$f.o.tmp" "$out/$f.o"
    rm -f "$out/$f.o.tmp"
done
