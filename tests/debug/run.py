#!/usr/bin/env python3
"""make debug, run non-interactively (GDB_FLAGS='-batch -x FILE') on the flagship.

  pd-break-client   pd-break client notified; continue; bt shows the client's
                    notified in client.c (not the server's code, at the same
                    address range), info pds lists both PDs with priority and state
  pd-break-server   pd-break server protected: stops in server.c, and print
                    microkit_name is the server's (its symbols are in effect)
  symbolize         tests/system/fault-report booted for a few seconds; the SDK's
                    bin/microkit-symbolize gives the faulting pc's file:line
                    (server.c, the line of the write) from the console log
  trace-order       the flagship built with microkit --trace: its timeline has, in
                    order, the server's notification to the client, the client's
                    PPC into the server and the server's reply
  trace-json        bin/microkit-trace -o OUT.json on that log: json.load reads it,
                    one named track per PD, flow events (ph s/f) for both kinds
  trace-text        bin/microkit-trace --text prints the same events in words
  trace-release     microkit --trace --config release is refused, with the reason

Needs the SDK and the flagship built (make sdk examples). Ends with
"N passed, N failed".
"""
import os
import re
import subprocess
import sys
import tempfile

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.abspath(os.path.join(TOP, os.environ.get("BUILD", "build")))
passed = failed = 0


def case(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS {name}", flush=True)
    else:
        failed += 1
        print(f"FAIL {name}: {detail}", flush=True)


def run_debug(script, example_dir=None):
    with tempfile.NamedTemporaryFile("w", suffix=".gdb", delete=False) as f:
        f.write(script)
        path = f.name
    try:
        if example_dir is None:
            cmd = ["make", "--no-print-directory", "-C", TOP, "debug", f"BUILD={BUILD}", f"GDB_FLAGS=-batch -x {path}"]
        else:
            cmd = ["make", "--no-print-directory", "-C", example_dir, "debug", f"MICROKIT_SDK={BUILD}/sdk",
                   f"BUILD_DIR={BUILD}/examples/shared-memory", f"GDB_FLAGS=-batch -x {path}"]
        try:
            r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=60, text=True)
            return r.returncode, r.stdout
        except subprocess.TimeoutExpired as e:
            return -1, (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
    finally:
        os.unlink(path)


def section(out, start, end):
    """The lines between the marker lines echo'd by the GDB script."""
    a = out.find(start)
    b = out.find(end, a + 1)
    return out[a:b] if a >= 0 and b >= 0 else ""


CLIENT = """pd-break client notified
continue
echo ==BT\\n
bt
echo ==PDS\\n
info pds
echo ==END\\n
"""

rc, out = run_debug(CLIENT)
bt = section(out, "==BT", "==PDS")
pds = section(out, "==PDS", "==END")
case("pd-break-client",
     rc == 0 and "#0  notified" in bt and "client.c" in bt and "server.c" not in bt
     and "main.c" in bt,
     f"exit {rc}; bt:\n{bt or out[-3000:]}")
lines = pds.splitlines()
client = [l for l in lines if l.split()[1:2] == ["client"]]
server = [l for l in lines if l.split()[1:2] == ["server"]]
case("info-pds",
     len(client) == 1 and len(server) == 1 and " 100 " in client[0] and " 200 " in server[0]
     and "running" in client[0] and "waiting" in server[0],
     f"info pds:\n{pds or out[-3000:]}")

SERVER = """pd-break server protected
continue
echo ==BT\\n
bt 1
print microkit_name
echo ==END\\n
"""
rc, out = run_debug(SERVER, os.path.join(TOP, "examples", "shared-memory"))
bt = section(out, "==BT", "==END")
case("pd-break-server",
     rc == 0 and "protected" in bt and "server.c" in bt and "client.c" not in bt and '"server"' in bt,
     f"exit {rc}; bt:\n{bt or out[-3000:]}")

# microkit-symbolize on a real console log (the fault-report system test's image).
img = os.path.join(BUILD, "tests", "system", "fault-report", "loader.img")
report = os.path.join(BUILD, "tests", "system", "fault-report", "report.txt")
src = os.path.join(TOP, "tests", "system", "fault-report", "server.c")
write_line = next(i + 1 for i, l in enumerate(open(src)) if "region_vaddr)[2] = 1" in l)
try:
    r = subprocess.run(["timeout", "-s", "KILL", "6", os.path.join(TOP, "scripts", "run-qemu.sh"), img],
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    log = r.stdout.decode(errors="replace")
    r = subprocess.run([os.path.join(BUILD, "sdk", "bin", "microkit-symbolize"), "-r", report, "--kernel",
                        os.path.join(BUILD, "sdk", "board", "qemu_virt_aarch64", "debug", "elf", "minikit.elf")],
                       input=log, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
    out = r.stdout
except (OSError, subprocess.SubprocessError) as e:
    out = str(e)
want = re.compile(r"^microkit-symbolize\| server: 0x2[0-9a-f]+: protected at \S*server\.c:%d$" % write_line, re.M)
case("symbolize", "pc 0x" in out and want.search(out) is not None and "client.c" not in out,
     f"wanted server.c:{write_line}; got:\n{out[-3000:]}")

# Kernel addresses without --kernel: the kernel the report names (its `kernel:` line), so a
# system with VMs gets minikit-vm.elf's symbols, not minikit.elf's. A panic line at kmain's
# address must come back as kmain, from the report alone.
kelf = next((l.split(None, 1)[1].strip() for l in open(report) if l.startswith("kernel:")), "")
try:
    nm = subprocess.run(["aarch64-linux-gnu-nm", kelf], stdout=subprocess.PIPE, text=True, timeout=60).stdout
    kmain = next(l.split()[0] for l in nm.splitlines() if l.split()[2:] == ["kmain"])
    r = subprocess.run([os.path.join(BUILD, "sdk", "bin", "microkit-symbolize"), "-r", report],
                       input=f"minikit| PANIC: test at pc 0x{kmain}\n", stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=60)
    kout = r.stdout
except (OSError, subprocess.SubprocessError, StopIteration, IndexError) as e:
    kout = f"{e!r} (kernel from the report: '{kelf}')"
case("symbolize-kernel-from-report", re.search(r"^microkit-symbolize\| kernel: 0x[0-9a-f]+: kmain at \S*main\.c:\d+$",
                                               kout, re.M) is not None, f"got:\n{kout[-2000:]}")

# The event timeline (microkit --trace) of the flagship.
import json
SDK = os.path.join(BUILD, "sdk")
SM = os.path.join(BUILD, "examples", "shared-memory")
TRACE_DIR = os.path.join(BUILD, "tests", "debug", "trace")
os.makedirs(TRACE_DIR, exist_ok=True)
timg, tlog, tjson = (os.path.join(TRACE_DIR, f) for f in ("loader.img", "console.log", "trace.json"))
system = os.path.join(TOP, "examples", "shared-memory", "shared-memory.system")
log = ""
try:
    r = subprocess.run([os.path.join(SDK, "bin", "microkit"), system, "--board", "qemu_virt_aarch64", "--config",
                        "debug", "--search-path", SM, "--trace", "--exit-when-idle", "-o", timg,
                        "-r", os.path.join(TRACE_DIR, "report.txt")],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
    if r.returncode == 0:
        r = subprocess.run(["timeout", "-s", "KILL", "20", os.path.join(TOP, "scripts", "run-qemu.sh"), timg],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        log = r.stdout.decode(errors="replace")
    else:
        log = r.stdout
except (OSError, subprocess.SubprocessError) as e:
    log = str(e)
open(tlog, "w").write(log)
events = [l.split()[3:] for l in log.splitlines() if l.startswith("minikit| trace ")]
want = [["notify", "server", "client"], ["call", "client", "server"], ["reply", "server", "client"]]
i = 0
for ev in events:
    if i < len(want) and ev[:3] == want[i]:
        i += 1
ticks = [int(l.split()[2]) for l in log.splitlines() if l.startswith("minikit| trace ") and " begin " not in l
         and " end " not in l]
case("trace-order", i == len(want) and ticks == sorted(ticks) and any(e[0] == "end" for e in events)
     and "powering off" in log,
     f"wanted {want} in order (matched {i}), ascending ticks and an end line; log:\n{log[-3000:]}")

tool = os.path.join(SDK, "bin", "microkit-trace")
try:
    r = subprocess.run([tool, tlog, "-o", tjson], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       timeout=60)
    with open(tjson) as f:
        doc = json.load(f)
    evs = doc["traceEvents"]
    tracks = {e["args"]["name"]: e["tid"] for e in evs if e.get("ph") == "M" and e.get("name") == "thread_name"}
    flows = [e for e in evs if e.get("ph") in ("s", "f")]
    starts = {e["id"]: e for e in flows if e["ph"] == "s"}
    ends = {e["id"]: e for e in flows if e["ph"] == "f"}
    paired = [(starts[k], ends[k]) for k in starts if k in ends]
    names = {s["name"] for s, _ in paired}
    ok = (r.returncode == 0 and sorted(tracks) == ["client", "server"] and len(set(tracks.values())) == 2
          and {"notify", "ppc"} <= names and all(s["tid"] != f["tid"] for s, f in paired)
          and any(e.get("ph") == "X" and e.get("name") == "running" for e in evs))
    detail = f"exit {r.returncode}; tracks {tracks}; flow names {names}; output {r.stdout[-1000:]}"
except (OSError, ValueError, KeyError, subprocess.SubprocessError) as e:
    ok, detail = False, f"{type(e).__name__}: {e}"
case("trace-json", ok, detail)

try:
    r = subprocess.run([tool, tlog, "--text"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
    out = r.stdout
except (OSError, subprocess.SubprocessError) as e:
    out = str(e)
case("trace-text", re.search(r"server\s+notifies client .*\n(.*\n)*.*client\s+calls server .*\n(.*\n)*"
                             r".*server\s+replies to client", out) is not None, out[-3000:])

r = subprocess.run([os.path.join(SDK, "bin", "microkit"), system, "--board", "qemu_virt_aarch64", "--config",
                    "release", "--search-path", SM, "--trace", "-o", os.path.join(TRACE_DIR, "release.img"),
                    "-r", os.path.join(TRACE_DIR, "release.txt")],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
case("trace-release", r.returncode != 0 and "--trace needs --config debug" in r.stdout
     and not os.path.exists(os.path.join(TRACE_DIR, "release.img")), r.stdout[-2000:])

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
