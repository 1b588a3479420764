#!/bin/sh
# list-checks.sh [--check]: the list of checks in docs/tool.md, generated from
# the bad corpus (one line per tests/tool/bad/*.system: its name and the
# message(s) it must print, from its "expect" comments and NAME.expect). Rewrites the text between the markers
# "<!-- checks:begin -->" and "<!-- checks:end -->"; with --check, only says
# whether the document is up to date (exit 1 if not). `make tool-docs` runs it.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DOC=$ROOT/docs/tool.md
TMP=$(mktemp)
trap 'rm -f "$TMP" "$TMP.list"' EXIT

for f in "$ROOT"/tests/tool/bad/*.system; do
    msgs=$({ sed -n 's/.*<!-- expect: \(.*\) -->.*/\1/p' "$f"; [ ! -f "${f%.system}.expect" ] || cat "${f%.system}.expect"; } |
        awk '{ printf "%s`%s`", (NR > 1 ? "; " : ""), $0 }')
    echo "- \`$(basename "$f" .system)\`: $msgs"
done >"$TMP.list"

awk -v list="$TMP.list" '
    /<!-- checks:end -->/ { while ((getline line < list) > 0) print line; skip = 0 }
    !skip { print }
    /<!-- checks:begin -->/ { skip = 1 }
' "$DOC" >"$TMP"

if [ "${1:-}" = --check ]; then
    cmp -s "$TMP" "$DOC" || { echo "docs/tool.md: the list of checks is stale; run make tool-docs"; exit 1; }
else
    cp "$TMP" "$DOC"
fi
