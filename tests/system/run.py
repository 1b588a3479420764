#!/usr/bin/env python3
"""QEMU system tests.

Each test is a directory tests/system/<name>/ with a test.json:

    {
      "image":    "{build}/examples/hello/loader.img",   optional; default: the image
                  built from the test's own sources, {build}/tests/system/<name>/loader.img
      "variants": ["el2/cortex-a53", "el1/cortex-a72"],  optional; default ["el2/cortex-a53"]
                  el2 = -machine virt,virtualization=on, el1 = -machine virt;
                  el2-gicv3 / el1-gicv3: the same with gic-version=3
      "timeout":  20,                                     optional, seconds per run
      "expect":   ["regex", ...],    must match console lines, in this order
      "forbid":   ["regex", ...]     optional; any matching line fails the run
      "silent":   true,              optional; instead of "expect": the run passes only if
                                     QEMU powers off by itself before the timeout without
                                     printing anything (release builds, --exit-when-idle)
      "icount":   true,              optional; deterministic instruction counting (QEMU_ICOUNT=1)
      "explicit": true,              optional; run only when named on the command line
                                     (long runs such as make stress)
      "input":    [{"after": "regex", "send": "text"}, ...],
                                     optional; once a console line matches "after" (in this
                                     order), "send" is typed on QEMU's stdin, i.e. the PL011's
                                     receive side (-serial mon:stdio; avoid Ctrl-A, the
                                     monitor escape)
      "disk":     65536,             optional; a disk image of this many bytes, made fresh for
                                     each run, byte i = i % 251 (a pattern a driver can check);
                                     "{disk}" in qemu_args is its path
      "qemu_args": ["-drive", "file={disk},...", ...]
                                     optional; extra QEMU arguments (after the standard ones)
      "skip_if":  "{build}/examples/vm/guest/SKIPPED",
                                     optional; when this file exists the test is skipped (not
                                     run, not counted) and its first line is shown as the
                                     reason: for a test whose build could not fetch what it
                                     needs (the vm example without network)
    }

A run boots the image with scripts/run-qemu.sh and reads the console line by
line. It passes once every expectation has matched and a short grace period
has passed without a forbidden line; it fails on a forbidden line, when QEMU
exits first, or at the timeout. QEMU's process group is always killed.

Usage: run.py [--build DIR] [--list] [-v] [NAME[VARIANT]...]
Prints PASS/FAIL per run and ends with "N passed, N failed".
"""

import argparse
import json
import os
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections import deque

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TESTS_DIR = os.path.join(REPO, "tests", "system")
RUN_QEMU = os.path.join(REPO, "scripts", "run-qemu.sh")

MACHINES = {
    "el2": "virt,virtualization=on",
    "el1": "virt",
    "el2-gicv3": "virt,virtualization=on,gic-version=3",
    "el1-gicv3": "virt,gic-version=3",
}
CPUS = ("cortex-a53", "cortex-a57", "cortex-a72")
DEFAULT_VARIANTS = ["el2/cortex-a53"]
DEFAULT_TIMEOUT = 20.0
GRACE = 0.5  # seconds to watch for forbidden lines after the last expectation
TAIL_LINES = 20
KEYS = {"image", "variants", "timeout", "expect", "forbid", "description", "silent", "icount", "explicit",
        "input", "disk", "qemu_args", "skip_if"}


class BadTest(Exception):
    """A test.json that cannot be run as written."""


class Test:
    def __init__(self, name, build):
        self.name = name
        path = os.path.join(TESTS_DIR, name, "test.json")
        try:
            with open(path) as f:
                spec = json.load(f)
        except (OSError, ValueError) as e:
            raise BadTest(f"cannot read {path}: {e}")
        if not isinstance(spec, dict):
            raise BadTest(f"{path}: expected a JSON object")
        unknown = set(spec) - KEYS
        if unknown:
            raise BadTest(f"{path}: unknown keys {sorted(unknown)} (known: {sorted(KEYS)})")
        default_image = os.path.join("{build}", "tests", "system", name, "loader.img")
        image = spec.get("image", default_image).replace("{build}", build)
        self.image = os.path.join(REPO, image)
        self.variants = spec.get("variants", DEFAULT_VARIANTS)
        for v in self.variants:
            machine, _, cpu = v.partition("/")
            if machine not in MACHINES or cpu not in CPUS:
                raise BadTest(f"{path}: bad variant '{v}' (expected {'|'.join(MACHINES)} / {'|'.join(CPUS)})")
        self.timeout = float(spec.get("timeout", DEFAULT_TIMEOUT))
        self.expect = self._regexes(path, spec, "expect")
        self.forbid = self._regexes(path, spec, "forbid")
        self.silent = spec.get("silent", False) is True
        self.icount = spec.get("icount", False) is True
        self.explicit = spec.get("explicit", False) is True
        self.input = spec.get("input", [])
        if not isinstance(self.input, list) or not all(
                isinstance(i, dict) and set(i) == {"after", "send"} for i in self.input):
            raise BadTest(f"{path}: 'input' must be a list of {{\"after\": regex, \"send\": text}}")
        try:
            self.input = [(re.compile(i["after"]), i["send"].encode()) for i in self.input]
        except (re.error, TypeError, AttributeError) as e:
            raise BadTest(f"{path}: bad 'input': {e}")
        self.disk = spec.get("disk")
        if self.disk is not None and (not isinstance(self.disk, int) or self.disk <= 0 or self.disk % 512):
            raise BadTest(f"{path}: 'disk' must be a positive multiple of 512 (bytes)")
        skip_if = spec.get("skip_if")
        if skip_if is not None and not isinstance(skip_if, str):
            raise BadTest(f"{path}: 'skip_if' must be a file path")
        self.skip_if = os.path.join(REPO, skip_if.replace("{build}", build)) if skip_if else None
        self.qemu_args = spec.get("qemu_args", [])
        if not isinstance(self.qemu_args, list) or not all(isinstance(a, str) for a in self.qemu_args):
            raise BadTest(f"{path}: 'qemu_args' must be a list of strings")
        if self.silent and self.expect:
            raise BadTest(f"{path}: a 'silent' test cannot 'expect' console lines")
        if not self.silent and not self.expect:
            raise BadTest(f"{path}: 'expect' must list at least one regex (or set 'silent')")

    @staticmethod
    def _regexes(path, spec, key):
        items = spec.get(key, [])
        if not isinstance(items, list):
            raise BadTest(f"{path}: '{key}' must be a list of regexes")
        try:
            return [re.compile(r) for r in items]
        except (re.error, TypeError) as e:
            raise BadTest(f"{path}: bad regex in '{key}': {e}")


def skip_reason(test):
    """The reason a test is skipped (the first line of its skip_if file), or None."""
    if test.skip_if is None or not os.path.isfile(test.skip_if):
        return None
    with open(test.skip_if, errors="replace") as f:
        return f.readline().strip() or f"{os.path.relpath(test.skip_if, REPO)} exists"


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
    proc.stdin.close()
    proc.stdout.close()


def run_variant(test, variant, verbose):
    """Boots one variant. Returns (ok, reason, console tail)."""
    tail = deque(maxlen=TAIL_LINES)
    if not os.path.isfile(test.image):
        return False, f"image not found: {os.path.relpath(test.image, REPO)} (run make test, or make test-deps)", tail
    machine, _, cpu = variant.partition("/")
    env = dict(os.environ, QEMU_MACHINE=MACHINES[machine], QEMU_CPU=cpu, QEMU_ICOUNT="1" if test.icount else "0")
    with tempfile.TemporaryDirectory(prefix="minikit-test-") as tmp:
        disk = os.path.join(tmp, "disk.img")
        if test.disk:
            with open(disk, "wb") as f:
                f.write(bytes(i % 251 for i in range(test.disk)))
        args = [a.replace("{disk}", disk) for a in test.qemu_args]
        proc = subprocess.Popen([RUN_QEMU, test.image] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
        try:
            return watch(test, proc, tail, verbose) + (tail,)
        finally:
            kill_group(proc)


def watch(test, proc, tail, verbose):
    """Reads the console until the run is decided. Returns (ok, reason)."""
    fd = proc.stdout.fileno()
    os.set_blocking(fd, False)
    start = time.monotonic()
    deadline = start + test.timeout
    grace_end = None
    next_expect = 0
    next_input = 0
    pending = b""

    def feed(line):
        """Types the next input once its trigger line has appeared."""
        nonlocal next_input
        if next_input < len(test.input) and test.input[next_input][0].search(line):
            try:
                proc.stdin.write(test.input[next_input][1])
                proc.stdin.flush()
            except OSError:
                pass  # QEMU is gone; the run fails on its own
            next_input += 1

    def check(line):
        """Returns a failure reason, or None."""
        nonlocal next_expect, grace_end
        tail.append(line)
        if verbose:
            print(f"  | {line}", flush=True)
        if test.silent:
            return f"console output from a silent system: {line}"
        for r in test.forbid:
            if r.search(line):
                return f"forbidden line (matches /{r.pattern}/): {line}"
        feed(line)
        if next_expect < len(test.expect) and test.expect[next_expect].search(line):
            next_expect += 1
            if next_expect == len(test.expect):
                grace_end = time.monotonic() + GRACE
        return None

    def missing():
        return f"expectation {next_expect + 1}/{len(test.expect)} /{test.expect[next_expect].pattern}/ not matched"

    while True:
        now = time.monotonic()
        if grace_end is not None and now >= grace_end:
            return True, ""
        if now >= deadline:
            if pending:  # show an unterminated last line too
                tail.append(pending.decode("utf-8", "replace").rstrip("\r"))
                if test.silent:
                    return False, f"console output from a silent system: {tail[-1]}"
            if test.silent:
                return False, f"timeout after {test.timeout:g} s: the silent system did not power off"
            return False, f"timeout after {test.timeout:g} s: {missing()}"
        wait = (grace_end if grace_end is not None else deadline) - now
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:  # QEMU exited; judge the last, unterminated line too
            lines, pending = [pending] if pending else [], b""
        else:
            *lines, pending = (pending + chunk).split(b"\n")
        for raw in lines:
            reason = check(raw.decode("utf-8", "replace").rstrip("\r"))
            if reason:
                return False, reason
        if not chunk:
            status = proc.wait()
            if test.silent:
                return (True, "") if status == 0 else (False, f"QEMU exited with status {status}")
            if next_expect == len(test.expect):
                return True, ""
            return False, f"QEMU exited with status {status} after {time.monotonic() - start:.1f} s: {missing()}"


def select_runs(tests, patterns):
    runs = [(t, v) for t in tests for v in t.variants]
    if not patterns:
        return [(t, v) for t, v in runs if not t.explicit]
    return [(t, v) for t, v in runs if any(p in (t.name, f"{t.name}[{v}]") for p in patterns)]


def main():
    ap = argparse.ArgumentParser(description="Boot the system tests in QEMU and check their console output.")
    ap.add_argument("--build", default="build", help="build directory, relative to the repository (default: build)")
    ap.add_argument("--list", action="store_true", help="list the runs and exit")
    ap.add_argument("-v", "--verbose", action="store_true", help="echo the console while running")
    ap.add_argument("names", nargs="*", help="tests to run: NAME or NAME[VARIANT] (default: all)")
    args = ap.parse_args()

    passed = failed = 0
    tests = []
    for name in sorted(os.listdir(TESTS_DIR)):
        if not os.path.isfile(os.path.join(TESTS_DIR, name, "test.json")):
            continue
        try:
            tests.append(Test(name, args.build))
        except BadTest as e:
            print(f"FAIL {name}: {e}", flush=True)
            failed += 1

    runs = select_runs(tests, args.names)
    if args.names and not runs:
        print(f"no test matches {' '.join(args.names)}", file=sys.stderr)
        return 2
    if args.list:
        for t, v in runs:
            print(f"{t.name}[{v}]")
        return 0

    for t, v in runs:
        skipped = skip_reason(t)
        if skipped:
            print(f"SKIP {t.name}[{v}]: {skipped}", flush=True)
            continue
        ok, reason, tail = run_variant(t, v, args.verbose)
        if ok:
            print(f"PASS {t.name}[{v}]", flush=True)
            passed += 1
            continue
        print(f"FAIL {t.name}[{v}]: {reason}")
        if not args.verbose:
            print(f"  last {len(tail)} console lines:" if tail else "  (no console output)")
            for line in tail:
                print(f"  | {line}")
        sys.stdout.flush()
        failed += 1

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
