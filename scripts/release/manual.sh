#!/bin/sh
# Builds the whole manual, docs/*.md, as one standalone HTML page with pandoc:
#
#   scripts/release/manual.sh OUT.html VERSION
#
# The chapters come in reading order (ORDER below), then any other docs/*.md
# in name order, so a new page is never left out. Links between the Markdown
# files become links inside the page (manual.lua).
set -eu
out=$1
version=$2
here=$(cd "$(dirname "$0")" && pwd)
docs=$here/../../docs
ORDER="getting-started tutorial concepts system-format libmicrokit messages board tool sdk examples debugging kernel testing benchmarks"

if ! command -v pandoc >/dev/null 2>&1; then
    echo "$0: pandoc is missing (scripts/install-deps.sh installs it)" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

names=
for n in $ORDER; do
    [ -f "$docs/$n.md" ] && names="$names $n"
done
for f in "$docs"/*.md; do
    n=$(basename "$f" .md)
    case " $names " in *" $n "*) ;; *) names="$names $n" ;; esac
done

i=0
for n in $names; do
    i=$((i + 1))
    pandoc -f gfm -t markdown --lua-filter="$here/manual.lua" -M docfile="$n" \
        -o "$tmp/$(printf %02d "$i")-$n.md" "$docs/$n.md"
done
# shellcheck disable=SC2046 # the chapter files, in order
pandoc -f markdown -t html5 -s --toc --toc-depth=2 \
    --metadata title="Minikit manual" --metadata subtitle="version $version" \
    --metadata lang=en -o "$out" $(ls "$tmp"/*.md | sort)
