#!/bin/sh
# Prints Minikit's version, the one the release tarball and `microkit
# --version` carry (docs/sdk.md, "Versions"):
#
#   a tagged commit              v0.2.0 -> 0.2.0
#   N commits after a tag        0.2.0-N-gHASH
#   no tag yet                   VERSION-N-gHASH: VERSION is the file at the
#                                top of the tree (the next release), N the
#                                number of commits in the history
#   not a git checkout           VERSION as it is
#
# "-dirty" is appended when tracked files have uncommitted changes.
# Tags are "v" followed by the version: git tag -a v0.2.0 -m "Minikit 0.2.0".
set -eu
cd "$(dirname "$0")/.."
base=$(sed -n '1s/[[:space:]]*$//p' VERSION)
if ! git rev-parse --git-dir >/dev/null 2>&1; then
    echo "$base"
    exit 0
fi
dirty=
if ! git diff-index --quiet HEAD -- 2>/dev/null; then
    git update-index -q --refresh >/dev/null 2>&1 || true
    git diff-index --quiet HEAD -- 2>/dev/null || dirty=-dirty
fi
if v=$(git describe --tags --match 'v[0-9]*' 2>/dev/null); then
    echo "${v#v}$dirty"
else
    echo "$base-$(git rev-list --count HEAD)-g$(git rev-parse --short=7 HEAD)$dirty"
fi
