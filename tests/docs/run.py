#!/usr/bin/env python3
"""The docs test: documentation that cannot rot (docs/testing.md, "The docs test").

1. Included fragments. A fenced block preceded by
       <!-- include: PATH -->          the whole file
       <!-- include: PATH#NAME -->     a part of it
   must equal that text of PATH (relative to the repository) byte for byte.
   NAME is, in this order of preference:
     - a marked region: the lines strictly between a line containing
       "tutorial:begin NAME" and one containing "tutorial:end NAME";
     - a C definition: from the first line at column 0 that defines NAME
       (a function "... NAME(...", or "struct/enum/union NAME {") to the next
       line starting with "}";
     - an XML element: NAME starts with "<" (e.g. <channel> or
       <protection_domain name="client">): from the first line whose text
       starts with NAME without its closing ">" ... to the line closing it
       (the same line if it ends with "/>").
   `run.py --update` rewrites the blocks from the files instead of checking.

2. The tutorial's code (examples/tutorial/STEP/{start,solution}):
   - the start of a step is the previous step's solution, file for file,
     except the files the exercise's scaffolding changes (SCAFFOLD below);
   - the last solution is examples/shared-memory, file for file;
   - every directory is built from the SDK's copy (build/sdk/example/
     tutorial/...) into a scratch BUILD_DIR and booted; its console must show
     tests/docs/tutorial/STEP/{start,solution}/test.json's lines (the format
     of tests/system/*/test.json; tests/system/run.py boots it).

3. Shell command blocks. Every ```sh, ```bash and ```console block (in a
   console block, the lines starting with "$ ") of README.md and docs/*.md is
   run with bash -e, unless a marker on the lines just above it says
       <!-- not-runnable: REASON -->      never run; counted and listed
       <!-- check-fresh: ... -->          run by scripts/check-fresh.sh
   and with the options of
       <!-- docs-test: expect=REGEX [timeout=SECONDS] [cwd=DIR] -->
   expect: the block boots QEMU and does not return; it passes when a line
   of its output matches REGEX (then its process group is killed).
   Each page runs in a fresh scratch directory as a reader would follow it:
   HOME is a scratch home where ~/minikit is a copy of the repository's
   files with build/sdk as built (what the README's quick start leaves),
   PATH starts with ~/minikit/build/sdk/bin, MICROKIT_SDK is not set (a page
   that needs it says so in a block). The first block starts in ~/minikit;
   each next block starts in the directory, and with the exported
   variables, where the previous one left off.

Prints PASS/FAIL per check, the list of blocks marked not runnable, and ends
with "N passed, N failed". Usage: tests/docs/run.py [-v] [--update] [--only PAGE...]
Environment: BUILD (default build), KEEP=1 keeps the scratch directories.
"""

import argparse
import filecmp
import glob
import importlib.util
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("BUILD", "build")
SDK = os.path.join(REPO, BUILD, "sdk")
TUTORIAL = os.path.join(REPO, "examples", "tutorial")
TUTORIAL_TESTS = os.path.join(REPO, "tests", "docs", "tutorial")
FLAGSHIP = os.path.join(REPO, "examples", "shared-memory")

STEPS = ["1-system", "2-setvar", "3-views", "4-ppc", "5-postcard"]
# The files a step's start may change from the previous step's solution (the
# exercise's scaffolding); Makefiles differ in their comment line only.
SCAFFOLD = {
    "4-ppc": {"client.c", "server.c", "protocol.h"},
    "5-postcard": {"client.c", "server.c", "protocol.h"},
}
SHELL_LANGS = {"sh", "bash", "console"}
DEFAULT_TIMEOUT = 600.0
BOOT_TIMEOUT = 120.0

_spec = importlib.util.spec_from_file_location("systemrun", os.path.join(REPO, "tests", "system", "run.py"))
systemrun = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(systemrun)

VERBOSE = False
results = []


def case(name, ok, detail=""):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'} docs/{name}{'' if ok or not detail else ': ' + detail}", flush=True)
    return ok


def tail(text, n=15):
    return "\n".join("  | " + l for l in text.rstrip("\n").split("\n")[-n:])


def pages():
    return ["README.md"] + sorted(os.path.relpath(p, REPO) for p in glob.glob(os.path.join(REPO, "docs", "*.md")))


# ---------------------------------------------------------------- Markdown

class Block:
    def __init__(self, page, line, lang, body, markers, start, end):
        self.page, self.line, self.lang, self.body = page, line, lang, body
        self.markers = markers  # {"include": ..., "not-runnable": ..., ...}
        self.start, self.end = start, end  # indexes of the fence lines

    def name(self):
        return f"{self.page}:{self.line}"


MARKER_RE = re.compile(r"^<!--\s*([a-z-]+):\s*(.*?)\s*-->\s*$")


def parse(page):
    """The fenced blocks of a page, with the markers on the lines just above each."""
    with open(os.path.join(REPO, page), encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        m = re.match(r"^```(\S*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != "```":
            j += 1
        markers = {}
        k = i - 1
        while k >= 0 and MARKER_RE.match(lines[k]):
            mm = MARKER_RE.match(lines[k])
            markers[mm.group(1)] = mm.group(2)
            k -= 1
        blocks.append(Block(page, i + 1, m.group(1), "\n".join(lines[i + 1:j]) + "\n" if j > i + 1 else "",
                            markers, i, j))
        i = j + 1
    return lines, blocks


# ---------------------------------------------------------------- 1. includes

def fragment(spec):
    """The text an include marker names, or raises ValueError."""
    path, _, name = spec.partition("#")
    full = os.path.join(REPO, path)
    if not os.path.isfile(full):
        raise ValueError(f"no file {path}")
    with open(full, encoding="utf-8") as f:
        text = f.read()
    if not name:
        return text
    lines = text.split("\n")
    begin = [i for i, l in enumerate(lines) if f"tutorial:begin {name} " in l + " "]
    if begin:
        end = [i for i, l in enumerate(lines) if f"tutorial:end {name} " in l + " " and i > begin[0]]
        if len(begin) != 1 or not end:
            raise ValueError(f"{path}: marker {name}: expected one begin and an end")
        return "\n".join(lines[begin[0] + 1:end[0]]) + "\n"
    if name.startswith("<"):
        head = name.rstrip(">")
        tag = re.match(r"<([\w-]+)", name).group(1)
        for i, l in enumerate(lines):
            if l.lstrip().startswith(head):
                if l.rstrip().endswith("/>"):
                    return l + "\n"
                for j in range(i + 1, len(lines)):
                    if lines[j].lstrip().startswith(f"</{tag}>"):
                        return "\n".join(lines[i:j + 1]) + "\n"
        raise ValueError(f"{path}: no element {name}")
    fn = re.compile(r"^[A-Za-z_][^;]*\b" + re.escape(name) + r"\s*\((?!.*;\s*$)")
    ty = re.compile(r"^(?:static\s+|typedef\s+)?(?:struct|enum|union)\s+" + re.escape(name) + r"\s*\{")
    for i, l in enumerate(lines):
        if fn.match(l) or ty.match(l):
            for j in range(i + 1, len(lines)):
                if lines[j].startswith("}"):
                    return "\n".join(lines[i:j + 1]) + "\n"
    raise ValueError(f"{path}: no marker or definition named {name}")


def check_includes(update):
    count = 0
    for page in pages():
        lines, blocks = parse(page)
        changed = False
        for b in reversed(blocks):  # from the end, so that indexes stay valid
            spec = b.markers.get("include")
            if spec is None:
                continue
            count += 1
            try:
                want = fragment(spec)
            except ValueError as e:
                case(f"include/{b.name()}", False, str(e))
                continue
            if update:
                if want != b.body:
                    lines[b.start + 1:b.end] = want.rstrip("\n").split("\n")
                    changed = True
                continue
            case(f"include/{b.name()}[{spec}]", want == b.body,
                 "differs from the file (tests/docs/run.py --update rewrites it)")
        if changed:
            with open(os.path.join(REPO, page), "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            print(f"updated {page}")
    return count


# ---------------------------------------------------------------- 2. the tutorial's code

def same_files(a, b, ignore):
    """Files that differ between directories a and b (names in ignore apart)."""
    names = (set(os.listdir(a)) | set(os.listdir(b))) - ignore - {"build"}
    return sorted(n for n in names if not (os.path.isfile(os.path.join(a, n)) and os.path.isfile(os.path.join(b, n))
                                           and filecmp.cmp(os.path.join(a, n), os.path.join(b, n), shallow=False)))


def check_tutorial_code(scratch):
    dirs = [f"{s}/{v}" for s in STEPS for v in ("start", "solution")]
    found = sorted(os.path.relpath(os.path.dirname(p), TUTORIAL) for p in glob.glob(os.path.join(TUTORIAL, "*", "*", "Makefile")))
    case("tutorial/directories", found == sorted(dirs), f"found {found}, expected {sorted(dirs)}")
    for prev, step in zip(STEPS, STEPS[1:]):
        diff = same_files(os.path.join(TUTORIAL, prev, "solution"), os.path.join(TUTORIAL, step, "start"),
                          {"Makefile"} | SCAFFOLD.get(step, set()))
        case(f"tutorial/{step}/start-is-{prev}-solution", not diff, f"files differ: {diff}")
    diff = same_files(os.path.join(TUTORIAL, STEPS[-1], "solution"), FLAGSHIP, {"Makefile"})
    case(f"tutorial/{STEPS[-1]}/solution-is-the-flagship", not diff, f"files differ from examples/shared-memory: {diff}")

    sdk_tutorial = os.path.join(SDK, "example", "tutorial")
    if not case("tutorial/in-the-sdk", os.path.isdir(sdk_tutorial), f"no {sdk_tutorial} (make sdk copies examples/)"):
        return
    env = clean_env(MICROKIT_SDK=SDK)
    systemrun.TESTS_DIR = TUTORIAL_TESTS
    for d in dirs:
        src = os.path.join(sdk_tutorial, d)
        out = os.path.join(scratch, "tutorial", d)
        diff = same_files(os.path.join(TUTORIAL, d), src, set())
        if not case(f"tutorial/{d}/sdk-copy", not diff, f"build/sdk/example/tutorial/{d} differs: {diff} (make sdk)"):
            continue
        p = subprocess.run(["make", f"BUILD_DIR={out}"], cwd=src, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=DEFAULT_TIMEOUT)
        log = p.stdout.decode("utf-8", "replace")
        if not case(f"tutorial/{d}/build", p.returncode == 0 and os.path.isfile(os.path.join(out, "loader.img")),
                    f"exit {p.returncode}\n{tail(log)}"):
            continue
        try:
            test = systemrun.Test(d, out)
        except systemrun.BadTest as e:
            case(f"tutorial/{d}/boot", False, str(e))
            continue
        ok, reason, console = systemrun.run_variant(test, test.variants[0], VERBOSE)
        case(f"tutorial/{d}/boot[{test.variants[0]}]", ok,
             reason + ("\n" + "\n".join("  | " + l for l in console) if not ok else ""))


# ---------------------------------------------------------------- 3. shell blocks

def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "BUILD", "MICROKIT_SDK", "MAKEOVERRIDES")}
    env.update(extra)
    return env


def copy_repo(dest):
    """The repository's files (tracked and new, not ignored) and build/sdk."""
    p = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, stdout=subprocess.PIPE, check=True)
    for rel in p.stdout.decode().split("\0"):
        if not rel or not os.path.lexists(os.path.join(REPO, rel)):
            continue
        os.makedirs(os.path.join(dest, os.path.dirname(rel)), exist_ok=True)
        shutil.copy2(os.path.join(REPO, rel), os.path.join(dest, rel), follow_symlinks=False)
    shutil.copytree(SDK, os.path.join(dest, "build", "sdk"), symlinks=True)


def script_for(block, state):
    if block.lang == "console":
        body = "\n".join(l[2:] for l in block.body.split("\n") if l.startswith("$ ")) + "\n"
    else:
        body = block.body
    save = f"export -p | grep -v '^declare -[a-z]*r' > {shlex.quote(state)}.env; pwd > {shlex.quote(state)}.cwd"
    return (f"set -e\n"
            f"if [ -f {shlex.quote(state)}.env ]; then . {shlex.quote(state)}.env; fi\n"
            f"cd \"$(cat {shlex.quote(state)}.cwd)\"\n"
            f"trap {shlex.quote(save)} DEBUG EXIT\n"
            f"{body}")


def run_block(block, opts, home, state, log):
    """Runs one block; returns (ok, detail)."""
    if "cwd" in opts:
        with open(state + ".cwd", "w") as f:
            f.write(os.path.expanduser(opts["cwd"].replace("~", home, 1)) + "\n")
    env = clean_env(HOME=home, PATH=os.path.join(home, "minikit", "build", "sdk", "bin") + os.pathsep + os.environ["PATH"])
    proc = subprocess.Popen(["bash", "-c", script_for(block, state)], env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    expect = re.compile(opts["expect"]) if "expect" in opts else None
    timeout = float(opts.get("timeout", BOOT_TIMEOUT if expect else DEFAULT_TIMEOUT))
    deadline = time.monotonic() + timeout
    out = b""
    fd = proc.stdout.fileno()
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return False, f"timeout after {timeout:g} s" + (f" without a line matching /{expect.pattern}/" if expect else "")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if chunk:
                out += chunk
                log.write(chunk.decode("utf-8", "replace"))
                if VERBOSE:
                    sys.stdout.write(chunk.decode("utf-8", "replace"))
                if expect and any(expect.search(l.rstrip("\r")) for l in out.decode("utf-8", "replace").split("\n")):
                    return True, ""
                continue
            status = proc.wait()
            if expect:
                return False, f"exited with status {status} before a line matched /{expect.pattern}/"
            return status == 0, f"exit status {status}"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        proc.stdin.close()
        proc.stdout.close()
        log.flush()


def run_pages(only, scratch_root):
    marked = []
    ran = 0
    for page in pages():
        if only and page not in only and os.path.basename(page) not in only:
            continue
        _, blocks = parse(page)
        runnable = []
        for b in blocks:
            if b.lang not in SHELL_LANGS:
                continue
            if "not-runnable" in b.markers:
                marked.append((b, b.markers["not-runnable"]))
            elif "check-fresh" in b.markers:
                marked.append((b, "run by scripts/check-fresh.sh in a fresh Debian root"))
            else:
                runnable.append(b)
        if not runnable:
            continue
        scratch = tempfile.mkdtemp(prefix="page.", dir=scratch_root)
        home = os.path.join(scratch, "home")
        copy_repo(os.path.join(home, "minikit"))
        state = os.path.join(scratch, "state")
        with open(state + ".cwd", "w") as f:
            f.write(os.path.join(home, "minikit") + "\n")
        with open(os.path.join(scratch, "log.txt"), "w") as log:
            for b in runnable:
                try:
                    opts = dict(o.split("=", 1) for o in shlex.split(b.markers.get("docs-test", "")))
                except ValueError:
                    case(f"sh/{b.name()}", False, f"bad docs-test marker: {b.markers['docs-test']}")
                    continue
                log.write(f"==== {b.name()}\n")
                start = log.tell()
                t0 = time.monotonic()
                ok, detail = run_block(b, opts, home, state, log)
                ran += 1
                with open(os.path.join(scratch, "log.txt")) as f:
                    f.seek(start)
                    text = f.read()
                first = b.body.strip().split("\n")[0][:60]
                case(f"sh/{b.name()} ({first}) {time.monotonic() - t0:.0f}s", ok,
                     f"{detail}\n{tail(text)}\n  (log: {os.path.join(scratch, 'log.txt')})")
    print(f"  {ran} shell blocks run, {len(marked)} marked:")
    for b, why in marked:
        print(f"  - {b.name()}: {why}")
    return ran, marked


def main():
    global VERBOSE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--update", action="store_true", help="rewrite the included blocks from their files and exit")
    ap.add_argument("--only", nargs="*", default=None,
                    help="run only these pages' shell blocks (e.g. README.md docs/sdk.md); skips the tutorial build")
    args = ap.parse_args()
    VERBOSE = args.verbose
    if args.update:
        check_includes(update=True)
        return 0

    n = check_includes(update=False)
    print(f"  {n} included fragments checked", flush=True)
    if not case("sdk", os.path.isfile(os.path.join(SDK, "bin", "microkit")), f"no SDK at {SDK} (make sdk)"):
        return finish()
    scratch = tempfile.mkdtemp(prefix="minikit-docs-test.", dir="/tmp")
    try:
        if args.only is None:
            check_tutorial_code(scratch)
        run_pages(args.only, scratch)
    finally:
        if os.environ.get("KEEP") == "1" or not all(results):
            print(f"  kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return finish()


def finish():
    passed = sum(1 for r in results if r)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 1 if len(results) > passed else 0


if __name__ == "__main__":
    sys.exit(main())
