#!/usr/bin/env python3
"""microkit-trace: the event timeline of a `microkit --trace` image's console log.

  microkit-trace LOG -o OUT.json    Chrome trace event format: open OUT.json in
                                    https://ui.perfetto.dev or chrome://tracing
  microkit-trace LOG --text         a text timeline on standard output

LOG is the console output (a file, or - for standard input). Only the lines
`minikit| trace <ticks> <event> <pd> [<args>]` are read (docs/debugging.md,
"Event timeline"); everything else is ignored. In the JSON each PD is a track
(a thread named after the PD) with a "running" slice for each time it held
the CPU and a small slice for each event; flow arrows join a notification to
its delivery, a PPC to the callee starting on it and the reply to the caller
resuming. Python 3 standard library only.
"""
import argparse
import json
import re
import sys

LINE = re.compile(r"minikit\| trace (\d+) (\S+) (\S+)(.*)$")
DEFAULT_FREQ = 62_500_000  # QEMU virt's generic timer

EVENTS = ("begin", "end", "truncated", "switch", "notify", "deliver", "call", "reply", "irq", "fault",
          "budget-exhausted", "budget-replenished")


class Event:
    def __init__(self, ticks, kind, pd, args, lineno):
        self.ticks, self.kind, self.pd, self.args, self.lineno = ticks, kind, pd, args, lineno


def parse(lines):
    """The trace events of a console log, in order, and the counter frequency."""
    events, freq = [], DEFAULT_FREQ
    for n, line in enumerate(lines, 1):
        m = LINE.search(line.rstrip("\r\n"))
        if not m or m.group(2) not in EVENTS:
            continue
        e = Event(int(m.group(1)), m.group(2), m.group(3), m.group(4).split(), n)
        if e.kind == "begin" and e.args and e.args[0].isdigit() and int(e.args[0]) > 0:
            freq = int(e.args[0])
        events.append(e)
    return events, freq


def describe(e):
    """One event in words (the text timeline and the slices' names)."""
    a = e.args
    if e.kind == "switch":
        return "idle" if e.pd == "-" else "runs"
    if e.kind == "notify" and len(a) >= 2:
        return f"notifies {a[0]} (its channel {a[1]})"
    if e.kind == "deliver" and a:
        ids = int(a[0], 16)
        return "notified, channels " + ",".join(str(i) for i in range(64) if ids >> i & 1)
    if e.kind == "call" and len(a) >= 2:
        return f"calls {a[0]} (PPC on its channel {a[1]})"
    if e.kind == "reply" and a:
        return f"replies to {a[0]}"
    if e.kind == "irq" and len(a) >= 2:
        return f"IRQ {a[0]} (channel {a[1]})"
    if e.kind == "fault" and len(a) >= 2:
        return f"fault (class {a[0]}, address {a[1]})"
    if e.kind == "truncated":
        return f"trace buffer full after {a[0] if a else '?'} events: later events were not recorded"
    if e.kind == "begin":
        return "trace begins"
    if e.kind == "end":
        return "trace ends (the system is quiescent)"
    return e.kind.replace("-", " ")


def text(events, freq, out):
    if not events:
        out.write("microkit-trace: no 'minikit| trace' lines in the log\n")
        return
    t0 = events[0].ticks
    for e in events:
        us = (e.ticks - t0) * 1e6 / freq
        who = "(idle)" if e.kind == "switch" and e.pd == "-" else e.pd
        out.write(f"{us:12.3f} us  {e.ticks - t0:>10}  {who:<16} {describe(e)}\n")


def chrome(events, freq):
    """The Chrome trace event format (a JSON object with traceEvents)."""
    t0 = events[0].ticks if events else 0
    us = lambda ticks: (ticks - t0) * 1e6 / freq
    EPS = 0.01  # an event's own slice: 10 ns, inside the running slice around it

    pds = []
    def tid(name):
        if name not in pds:
            pds.append(name)
        return pds.index(name) + 1

    for e in events:  # every PD named anywhere gets its track, in order of appearance
        if e.pd != "-":
            tid(e.pd)
        if e.kind in ("notify", "call", "reply") and e.args:
            tid(e.args[0])

    out = [{"ph": "M", "name": "process_name", "pid": 1, "args": {"name": "Minikit"}}]
    for name in pds:
        out.append({"ph": "M", "name": "thread_name", "pid": 1, "tid": tid(name), "args": {"name": name}})
        out.append({"ph": "M", "name": "thread_sort_index", "pid": 1, "tid": tid(name),
                    "args": {"sort_index": tid(name)}})

    running, since = None, 0  # the PD on the CPU and since when
    flow_id = 0
    pending_notify = {}  # receiver -> [(flow id, channel id)]
    pending_start = {}   # PD -> [flow id] ending where it next runs (a call's callee, a reply's caller)
    end_ts = us(events[-1].ticks) if events else 0

    def slice_(name, pd, ts, dur, args=None):
        ev = {"ph": "X", "name": name, "cat": "minikit", "pid": 1, "tid": tid(pd), "ts": ts, "dur": dur}
        if args:
            ev["args"] = args
        out.append(ev)

    def flow(ph, fid, pd, ts, name):
        ev = {"ph": ph, "id": fid, "name": name, "cat": "minikit", "pid": 1, "tid": tid(pd), "ts": ts}
        if ph == "f":
            ev["bp"] = "e"
        out.append(ev)

    def stop_running(ts):
        nonlocal running
        if running is not None:
            slice_("running", running, since, max(ts - since, EPS))
            running = None

    for e in events:
        ts = us(e.ticks)
        if e.kind == "switch":
            stop_running(ts)
            if e.pd != "-":
                running, since = e.pd, ts
                for fid in pending_start.pop(e.pd, []):
                    flow("f", fid, e.pd, ts + EPS / 2, "ppc")
            continue
        if e.kind in ("begin", "end", "truncated"):
            out.append({"ph": "i", "s": "g", "name": describe(e), "cat": "minikit", "pid": 1, "tid": 1, "ts": ts})
            continue
        if e.pd == "-":
            continue
        slice_(e.kind, e.pd, ts, EPS, {"event": describe(e), "ticks": e.ticks})
        if e.kind == "notify" and len(e.args) >= 2:
            flow_id += 1
            flow("s", flow_id, e.pd, ts, "notify")
            pending_notify.setdefault(e.args[0], []).append((flow_id, e.args[1]))
        elif e.kind == "deliver" and e.args:
            ids = int(e.args[0], 16)
            left = []
            for fid, ch in pending_notify.pop(e.pd, []):
                if ch.isdigit() and ids >> int(ch) & 1:
                    flow("f", fid, e.pd, ts, "notify")
                else:
                    left.append((fid, ch))
            if left:
                pending_notify[e.pd] = left
        elif e.kind in ("call", "reply") and e.args:
            flow_id += 1
            flow("s", flow_id, e.pd, ts, "ppc")
            pending_start.setdefault(e.args[0], []).append(flow_id)
    stop_running(end_ts)
    return {"traceEvents": out, "displayTimeUnit": "ns",
            "otherData": {"source": "microkit --trace", "counter_hz": freq}}


def main(argv=None):
    ap = argparse.ArgumentParser(prog="microkit-trace", description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="The line format and what tracing costs: docs/debugging.md, \"Event timeline\".")
    ap.add_argument("log", metavar="LOG", help="console log of a --trace image (- for standard input)")
    ap.add_argument("-o", "--output", metavar="OUT.json", help="write the Chrome trace event format JSON here")
    ap.add_argument("--text", action="store_true", help="print a text timeline")
    a = ap.parse_args(argv)
    if not a.output and not a.text:
        ap.error("say what to write: -o OUT.json and/or --text")
    try:
        f = sys.stdin if a.log == "-" else open(a.log, errors="replace")
        with f:
            events, freq = parse(f)
    except OSError as e:
        sys.exit(f"microkit-trace: {e}")
    if not events:
        print(f"microkit-trace: warning: no 'minikit| trace' lines in {a.log} (was the image built with "
              f"microkit --trace?)", file=sys.stderr)
    if any(e.kind == "truncated" for e in events):
        print("microkit-trace: warning: the trace buffer filled; events after it were not recorded", file=sys.stderr)
    if a.text:
        text(events, freq, sys.stdout)
    if a.output:
        try:
            with open(a.output, "w") as f:
                json.dump(chrome(events, freq), f, indent=0)
                f.write("\n")
        except OSError as e:
            sys.exit(f"microkit-trace: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
