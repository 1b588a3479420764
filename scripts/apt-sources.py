#!/usr/bin/env python3
"""This machine's apt sources, for scripts/check-fresh.sh.

    apt-sources.py mirror SUITE   print the URI of the first enabled "deb"
                                  source carrying SUITE's main component
    apt-sources.py copy ROOT      copy the enabled source files, the keyrings
                                  they name and the apt.conf.d files that say
                                  how to reach the mirror (proxies, TLS,
                                  validity checks) into the root at ROOT

Reads the files apt reads: /etc/apt/sources.list and, in
/etc/apt/sources.list.d/, *.list (one-line format) and *.sources (deb822).
Nothing read here is ever written into the repository.
"""

import glob
import os
import re
import shutil
import sys

APT = "/etc/apt"


# apt.conf.d settings that decide whether the mirror can be reached at all;
# other local preferences (index targets, clean-up hooks) stay behind.
REACH = re.compile(r"Acquire::(\w+::)?(Proxy|Check-Valid-Until|Check-Date|https::|http::)", re.I)


def source_files():
    files = [os.path.join(APT, "sources.list")]
    files += sorted(glob.glob(os.path.join(APT, "sources.list.d", "*.list")))
    files += sorted(glob.glob(os.path.join(APT, "sources.list.d", "*.sources")))
    return [f for f in files if os.path.isfile(f)]


def one_line_entries(text):
    """'deb [opts] URI SUITE COMP...' lines as dicts like deb822 stanzas."""
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        kind, words = words[0], words[1:]
        opts = {}
        if words and words[0].startswith("["):
            raw = []
            while words:
                w = words.pop(0)
                raw.append(w)
                if w.endswith("]"):
                    break
            for o in " ".join(raw).strip("[]").split():
                if "=" in o:
                    k, v = o.split("=", 1)
                    opts[k.lower()] = v
        if len(words) < 2:
            continue
        yield {"types": kind, "uris": words[0], "suites": words[1],
               "components": " ".join(words[2:]), "signed-by": opts.get("signed-by", "")}


def deb822_entries(text):
    stanza, key = {}, None
    for line in text.splitlines() + [""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if stanza:
                yield stanza
            stanza, key = {}, None
        elif line[0] in " \t" and key:
            stanza[key] += "\n" + line.strip()
        elif ":" in line:
            key, value = line.split(":", 1)
            key = key.strip().lower()
            stanza[key] = value.strip()


def entries():
    for path in source_files():
        with open(path) as f:
            text = f.read()
        parse = deb822_entries if path.endswith(".sources") else one_line_entries
        for e in parse(text):
            if e.get("enabled", "yes").lower() == "no":
                continue
            yield path, e


def mirror(suite):
    for _, e in entries():
        if "deb" in e.get("types", "").split() and suite in e.get("suites", "").split() \
                and "main" in e.get("components", "").split():
            return e["uris"].split()[0].rstrip("/")
    return None


def put(root, path):
    """Copy this machine's file PATH to the same path under ROOT."""
    dest = os.path.join(root, path.lstrip("/"))
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copy(path, dest)


def copy(root):
    # The root's own sources.list (written by debootstrap) is replaced by ours.
    own = os.path.join(root, "etc/apt/sources.list")
    if os.path.exists(own):
        os.remove(own)
    keyrings = set()
    for path in source_files():
        put(root, path)
    for _, e in entries():
        for k in e.get("signed-by", "").split():
            if k.startswith("/"):
                keyrings.add(k)
    for k in sorted(keyrings):
        if os.path.isfile(k):
            put(root, k)
    for conf in sorted(glob.glob(os.path.join(APT, "apt.conf.d", "*"))):
        try:
            with open(conf) as f:
                text = f.read()
        except (OSError, UnicodeDecodeError):
            continue
        if REACH.search(text) and os.path.isfile(conf):
            put(root, conf)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "mirror":
        m = mirror(sys.argv[2])
        if not m:
            return 1
        print(m)
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == "copy":
        copy(sys.argv[2])
        return 0
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
