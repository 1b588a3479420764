#!/bin/sh
# Assembles the release SDK and its tarball (make release does this):
#
#   scripts/release/release.sh OUTDIR VERSION SDK TOOL
#
#   OUTDIR   where minikit-sdk-VERSION-linux-x86_64/ and its .tar.gz go
#   SDK      an SDK built by make sdk (its board/ is taken)
#   TOOL     the statically linked microkit (make tool-static)
#
# The tree (docs/sdk.md, "The release tarball"):
#   bin/microkit, bin/microkit-run      the host commands (and bin/microkit-debug,
#                                       with share/minikit/gdb/minikit.py;
#                                       bin/microkit-symbolize, share/minikit/symbolize.py;
#                                       bin/microkit-trace, share/minikit/trace.py)
#   toolchain/bin/aarch64-none-elf-*    GCC names for Debian's cross tools
#   board/qemu_virt_aarch64/{debug,release,benchmark}/
#   example/                            every example, buildable in place
#   docs/*.md, docs/minikit-manual.html the manual
#   VERSION, CHANGES.md, README.md
# Nothing in it may name the directory it was built in: the script fails if
# anything does (the SDK must work wherever it is unpacked).
set -eu
outdir=$1
version=$2
sdk=$3
tool=$4
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
name=minikit-sdk-$version-linux-x86_64
stage=$outdir/$name
tarball=$outdir/$name.tar.gz

# Only this release: earlier ones would confuse whoever looks for the tarball.
rm -rf "$outdir"/minikit-sdk-*
mkdir -p "$stage/bin" "$stage/toolchain/bin" "$stage/docs"

# Host commands.
cp "$tool" "$stage/bin/microkit"
cp "$top/scripts/run-qemu.sh" "$stage/bin/microkit-run"
cp "$top/scripts/debug-qemu.sh" "$stage/bin/microkit-debug"
chmod 755 "$stage/bin/microkit" "$stage/bin/microkit-run" "$stage/bin/microkit-debug"
mkdir -p "$stage/share/minikit/gdb"
cp "$top/scripts/gdb/minikit.py" "$stage/share/minikit/gdb/minikit.py"
cp "$top/scripts/symbolize/microkit-symbolize" "$stage/bin/microkit-symbolize"
cp "$top/scripts/symbolize/symbolize.py" "$stage/share/minikit/symbolize.py"
chmod 755 "$stage/bin/microkit-symbolize"
cp "$top/scripts/trace/microkit-trace" "$stage/bin/microkit-trace"
cp "$top/scripts/trace/trace.py" "$stage/share/minikit/trace.py"
chmod 755 "$stage/bin/microkit-trace"

# GCC names: one script, one link per tool.
cp "$here/aarch64-none-elf" "$stage/toolchain/bin/aarch64-none-elf"
chmod 755 "$stage/toolchain/bin/aarch64-none-elf"
for t in gcc cpp as ld ar ranlib nm objcopy objdump readelf size strip addr2line; do
    ln -s aarch64-none-elf "$stage/toolchain/bin/aarch64-none-elf-$t"
done

# Boards, as make sdk built them.
cp -R "$sdk/board" "$stage/board"
find "$stage/board" -name .stamp -delete

# Examples from the source tree, without anything built inside them.
mkdir -p "$stage/example"
cp -R "$top/examples/." "$stage/example/"
find "$stage/example" -depth -type d -name build -exec rm -rf {} +

# The manual.
cp "$top"/docs/*.md "$stage/docs/"
"$here/manual.sh" "$stage/docs/minikit-manual.html" "$version"

echo "$version" > "$stage/VERSION"
cp "$top/CHANGES.md" "$stage/CHANGES.md"
sed "s/@VERSION@/$version/g" "$here/sdk-readme.md" > "$stage/README.md"

# Relocatable: no file may name the build tree (or the source tree).
if grep -rlF -e "$top" -e "$(cd "$outdir" && pwd)" "$stage" >&2; then
    echo "$0: the files above name $top: the SDK would not be relocatable" >&2
    exit 1
fi

# A reproducible tarball: sorted names, no owners, the commit's time.
mtime=$(git -C "$top" log -1 --format=%cI 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)
tar -C "$outdir" --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
    --format=gnu -cf - "$name" | gzip -n -9 > "$tarball"
echo "release: $tarball ($(du -k "$tarball" | cut -f1) KiB)"
