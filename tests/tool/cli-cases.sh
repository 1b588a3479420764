# More command-line cases, sourced by tests/tool/run.sh after its own (uses
# cli, TOOL, SEARCH, TMP, ok, ko): --search-path swallowing the system file,
# and the summary's plurals.

# `--search-path` takes every argument up to the next option: a .system file after it is refused with a hint.
cli search-path-takes-system 1 "--search-path 'minimal.system' names a system file, not a directory" \
    --search-path minimal.system --board qemu_virt_aarch64 --config debug
cli search-path-takes-system-hint 1 "put the system file first" \
    --search-path "$ROOT/tests/tool/data" minimal.system --board qemu_virt_aarch64 --config debug
cli search-path-second-system 1 "the system file is already given" \
    minimal.system --search-path minimal.system --board qemu_virt_aarch64 --config debug
cli search-path-missing-system 1 "names a system file, not a directory" \
    --search-path nosuch.system --board qemu_virt_aarch64 --config debug
cli search-path-file 1 "--search-path '../run.sh' is not a directory" \
    minimal.system --search-path ../run.sh --board qemu_virt_aarch64 --config debug
# A directory whose name ends in .system is a directory.
mkdir -p "$TMP/dir.system"
# shellcheck disable=SC2086
cli search-path-dir-named-system 0 "microkit: minimal.system: 1 PD, 0 channels;" \
    minimal.system --board qemu_virt_aarch64 --config debug --search-path "$TMP/dir.system" $SEARCH \
    -o "$TMP/cli.img" -r "$TMP/cli.txt"

# Plurals in the summary line: 1 PD, 0 channels, 1 channel, 2 PDs.
# shellcheck disable=SC2086
cli summary-one-pd 0 "microkit: minimal.system: 1 PD, 0 channels; $TMP/cli.img: " \
    minimal.system --board qemu_virt_aarch64 --config debug --search-path $SEARCH -o "$TMP/cli.img" -r "$TMP/cli.txt"
if grep -qE '\b1 (PDs|channels|bytes)\b' "$TMP/cli.out"; then ko cli/summary-no-1-plural "$(cat "$TMP/cli.out")"; else ok cli/summary-no-1-plural; fi
cat >"$TMP/two.system" <<'XML'
<system>
    <protection_domain name="a" priority="1"><program_image path="protected.elf" /></protection_domain>
    <protection_domain name="b" priority="2"><program_image path="protected.elf" /></protection_domain>
    <channel><end pd="a" id="1" /><end pd="b" id="1" /></channel>
</system>
XML
# shellcheck disable=SC2086
cli summary-one-channel 0 "microkit: $TMP/two.system: 2 PDs, 1 channel; " \
    "$TMP/two.system" --board qemu_virt_aarch64 --config debug --search-path $SEARCH -o "$TMP/cli.img" -r "$TMP/cli.txt"
