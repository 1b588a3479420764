#!/usr/bin/env python3
"""The rule "a system the tool accepts boots without a panic", tested.

  run.py [-n N] [--seed S] [-j JOBS] [--timeout SECONDS] [--keep DIR] [--tool MICROKIT]
         [--known-idle-race | --no-known-idle-race] [-v]

For case i, gen.py makes a system from the seed "S-i"; the tool builds it
with --exit-when-idle; every accepted image boots in QEMU (EL2 or EL1, GICv2
or GICv3, chosen from the seed too) and must power off by itself without a
line containing PANIC. Outcomes:

  refused      the tool said no (exit status 1): fine, counted
  clean        booted, all PDs went idle and QEMU powered off; or, in a system
               with IRQs (for which the kernel keeps waiting), every PD printed
               FZ_DONE (0x06) at the end of its init and 0.3 s more passed quietly
  panic        a kernel PANIC line: failure
  hang         no power-off before the timeout: failure
  known-hang   a hang of a system with a timed PD (budget < period) while
               --known-idle-race is given: the idle race of kernels before
               the fix of issue 10 (item 2) could lose the timer interrupt
               that refills a budget; counted, not a failure. Off by
               default: the kernel this runs against has the fix.
  vm-stopped   a system with virtual machines on a machine without EL2 or
               with a GICv3: the kernel stopped at boot saying that it needs
               them (VM_STOP below); counted, not a failure. Any other end
               of such a boot is judged as above
  tool-crash   any other exit status of the tool, or a sanitizer report: failure
  tool-slow    the tool ran longer than 30 s: failure

Failing cases are copied to --keep (default build/fuzz-systems/failures) with
their console output; `gen.py S-i` reproduces a system. Needs the SDK and
the fuzz PD images (make fuzz-systems-deps). Ends with a summary, then the
line "N passed, N failed" (cases), and exits 1 if anything failed.
"""
import argparse
import concurrent.futures
import os
import random
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen  # noqa: E402

VARIANTS = [("virt,virtualization=on", "cortex-a53"), ("virt", "cortex-a53"),
            ("virt,virtualization=on,gic-version=3", "cortex-a72"), ("virt,gic-version=3", "cortex-a57")]
VM_VARIANTS = [("virt,virtualization=on", "cortex-a53"), ("virt,virtualization=on", "cortex-a72")]
# What the kernel says, and then stops, when a system with virtual machines boots without EL2 or on a GICv3.
VM_STOP = re.compile(r"this system has virtual machines, which need (EL2|a GICv2 with the virtualization extension)")


def runs_vms(machine):
    """EL2 and a GICv2: a machine the kernel runs virtual machines on."""
    return "virtualization=on" in machine and "gic-version=3" not in machine


def boot(img, machine, cpu, timeout, npds, wait_poweroff):
    """Run QEMU until it powers off, or (not wait_poweroff) until npds PDs printed FZ_DONE (the byte 0x06, pd.c) and 0.3 s more
    passed, or a PANIC, or the timeout. Returns (how, console text): how is "poweroff", "done", "panic",
    "exit N" or None for the timeout."""
    cmd = ["qemu-system-aarch64", "-machine", machine, "-cpu", cpu, "-m", "size=2G", "-nographic", "-nic", "none",
           "-serial", "stdio", "-monitor", "none",
           "-device", f"loader,file={img},addr=0x70000000,cpu-num=0"]
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    buf = b""
    start = time.monotonic()
    until = start + timeout
    how = None
    try:
        while True:
            left = until - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([p.stdout], [], [], left)
            if not ready:
                break
            chunk = os.read(p.stdout.fileno(), 65536)
            if not chunk:
                p.wait()
                how = "poweroff" if p.returncode == 0 else f"exit {p.returncode}"
                break
            buf += chunk
            if b"PANIC" in buf and how != "panic":
                how = "panic"
                until = time.monotonic() + 0.3  # the rest of the panic message
            elif how is None and not wait_poweroff and buf.count(b"\x06") >= npds:
                how = "done"
                until = time.monotonic() + 0.3  # a PANIC or fault right after would still be seen
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        p.stdout.close()
    text = buf.decode(errors="replace")
    if how == "done" and "PANIC" in text:
        how = "panic"
    return how, text


def one(args, i):
    seed = f"{args.seed}-{i}"
    g = gen.Gen(seed)
    text = g.generate()
    qemu = random.Random(seed + "/qemu")
    machine, cpu = qemu.choice(VARIANTS)
    if g.vms and not runs_vms(machine) and qemu.random() < 0.7:
        machine, cpu = qemu.choice(VM_VARIANTS)  # mostly where the VMs run; the rest checks the kernel's stop
    work = tempfile.mkdtemp(prefix="fz-", dir=args.tmp)
    try:
        path = os.path.join(work, "fz.system")
        with open(path, "w") as f:
            f.write(text)
        img = os.path.join(work, "loader.img")
        cmd = [args.tool, path, "--board", "qemu_virt_aarch64", "--config", "debug", "--exit-when-idle",
               "--search-path", args.elfs, os.path.join(ROOT, "tests/tool/data"),
               "-o", img, "-r", os.path.join(work, "report.txt")]
        t0 = time.monotonic()
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        except subprocess.TimeoutExpired:
            return keep(args, seed, "tool-slow", work, "the tool ran for more than 30 s", g)
        out = p.stdout.decode(errors="replace")
        if p.returncode == 1 and not re.search(r"Sanitizer|runtime error", out):
            if not g.flaws and args.verbose:
                print(f"note {seed}: refused without a planned flaw: {out.splitlines()[0] if out else ''}")
            return ("refused", seed, g.flaws, time.monotonic() - t0)
        if p.returncode != 0:
            return keep(args, seed, "tool-crash", work, out, g)
        # With an IRQ bound, a waiting PD could still be woken: the kernel rightly never powers off.
        how, console = boot(img, machine, cpu, args.timeout, g.npds, wait_poweroff=g.irqs == 0)
        if g.vms and not runs_vms(machine) and VM_STOP.search(console):
            return ("vm-stopped", seed, g.flaws, 0)
        if how == "panic" or "PANIC" in console:
            return keep(args, seed, "panic", work, console, g, machine, cpu)
        if how is None or how.startswith("exit"):
            kind = "known-hang" if how is None and g.timed and args.known_idle_race else "hang"
            keep(args, seed, kind, work, f"({how or 'timeout'})\n{console}", g, machine, cpu)
            return (kind, seed, g.flaws, 0)
        faults = "fault in PD" in console or "FZ_FAIL" in console
        return ("clean-fault" if faults else "clean", seed, g.flaws, 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def keep(args, seed, kind, work, text, g, machine="", cpu=""):
    d = os.path.join(args.keep, f"{kind}-{seed}")
    os.makedirs(d, exist_ok=True)
    shutil.copy(os.path.join(work, "fz.system"), d)
    with open(os.path.join(d, "output.txt"), "w") as f:
        f.write(f"# {kind}: seed {seed}, qemu -machine {machine} -cpu {cpu}\n{text}")
    return (kind, seed, g.flaws, 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10000, help="number of systems (default 10000)")
    ap.add_argument("--seed", default="1", help="seed (default 1)")
    ap.add_argument("-j", type=int, default=2, help="parallel jobs (default 2)")
    ap.add_argument("--timeout", type=float, default=15, help="seconds per boot (default 15)")
    ap.add_argument("--build", default=os.environ.get("BUILD", os.path.join(ROOT, "build")))
    ap.add_argument("--tool", default=None, help="the microkit tool (default: BUILD/sdk/bin/microkit)")
    ap.add_argument("--keep", default=None, help="where failing cases go")
    ap.add_argument("--known-idle-race", dest="known_idle_race", action="store_true", default=False,
                    help="a hang of a system with a timed PD is known, not a failure (for a kernel without the "
                         "idle fix of issue 10)")
    ap.add_argument("--no-known-idle-race", dest="known_idle_race", action="store_false",
                    help="every hang is a failure (the default: the kernel's idle race is fixed)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    args.tool = os.path.abspath(args.tool or os.path.join(build, "sdk/bin/microkit"))
    args.elfs = os.path.join(build, "fuzz-systems")
    args.keep = os.path.abspath(args.keep or os.path.join(build, "fuzz-systems/failures"))
    args.tmp = tempfile.mkdtemp(prefix="fuzz-systems-")
    os.environ["MICROKIT_SDK"] = os.path.join(build, "sdk")
    for f in (args.tool, os.path.join(args.elfs, "fz.elf"), os.path.join(args.elfs, "fz-big.elf")):
        if not os.path.exists(f):
            sys.exit(f"run.py: {f} is missing: run make fuzz-systems-deps first")

    counts = {}
    failures = []
    t0 = time.monotonic()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as ex:
            for n, (kind, seed, flaws, _) in enumerate(ex.map(lambda i: one(args, i), range(args.n)), 1):
                counts[kind] = counts.get(kind, 0) + 1
                if kind in ("panic", "hang", "tool-crash", "tool-slow"):
                    failures.append(f"{kind} {seed}")
                    print(f"FAIL fuzz-systems/{seed}: {kind} (kept in {args.keep}/{kind}-{seed})", flush=True)
                elif args.verbose or kind == "known-hang":
                    print(f"{'note' if kind == 'known-hang' else 'ok'} fuzz-systems/{seed}: {kind} "
                          f"flaws={','.join(flaws) or 'none'}", flush=True)
                if n % 500 == 0:
                    print(f"... {n}/{args.n} in {time.monotonic() - t0:.0f} s: {counts}", flush=True)
    finally:
        shutil.rmtree(args.tmp, ignore_errors=True)
    accepted = args.n - counts.get("refused", 0) - counts.get("tool-crash", 0) - counts.get("tool-slow", 0)
    print(f"fuzz-systems: seed {args.seed}: {args.n} generated, {counts.get('refused', 0)} refused by the tool, "
          f"{accepted} accepted and booted: {counts.get('clean', 0) + counts.get('clean-fault', 0)} clean "
          f"({counts.get('clean-fault', 0)} with a PD fault report), {counts.get('vm-stopped', 0)} with VMs "
          f"stopped for want of EL2 or a GICv2, {counts.get('panic', 0)} panics, "
          f"{counts.get('hang', 0)} hangs, {counts.get('known-hang', 0)} known hangs (idle race, timed PDs), "
          f"{counts.get('tool-crash', 0) + counts.get('tool-slow', 0)} tool failures; "
          f"{time.monotonic() - t0:.0f} s")
    print(f"{args.n - len(failures)} passed, {len(failures)} failed")  # for scripts/run-tests.sh
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
