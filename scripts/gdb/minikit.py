# Minikit's GDB extension: knows the protection domains of a running system.
#
# Loaded by `make debug` (bin/microkit-debug in the SDK). Commands:
#
#   minikit-setup KERNEL_ELF REPORT     the kernel's symbols, and every PD's
#                                       ELF as the tool's report names it
#   info pds                            every PD: index, name, priority, state
#   pd-break PD LOCATION                a breakpoint that stops only when PD is
#                                       the one running (all PDs share 0x200000)
#   pd-symbols [PD]                     put PD's symbols in effect (default: the
#                                       running PD); done by itself at every stop
#
# Which PD runs: while a PD runs at EL0, TTBR0_EL1 holds its translation
# table with its ASID (the PD's global index + 1) in bits 63..48; the kernel's
# pds[i].ttbr0 holds the same value. Nothing is added to the kernel for this.
#
# Symbols: the kernel's ELF is the main symbol file (its addresses are in
# the upper half); the running PD's ELF is added with add-symbol-file, and
# swapped for another PD's when execution stops in that one, so bt, list
# and print use the right PD's code and variables.

import os
import re

import gdb

STATES = ["runnable", "waiting", "calling", "sending", "faulted", "stopped"]
KERNEL_VBASE = 0xFFFF000000000000  # kernel.ld: virtual = KERNEL_VBASE + physical


class Minikit:
    def __init__(self):
        self.kernel = None
        self.images = {}  # PD name -> ELF path
        self.indices = {}  # PD name -> global index (the report's "## PD N")
        self.loaded = None  # the PD whose symbols are in effect

    # -- the kernel's PD table -------------------------------------------
    # At EL0, QEMU's stub translates addresses as the PD would and refuses the
    # kernel's pages; the table is then read through physical addresses
    # (QEMU's Qqemu.PhyMemMode), the kernel's being its virtual ones less
    # KERNEL_VBASE.
    def pd_table(self):
        """[(index, name, {field: int})] from the kernel's pds[] and npds."""
        phys = self.in_user()
        off = KERNEL_VBASE if phys else 0
        if phys:
            gdb.execute("maint packet Qqemu.PhyMemMode:1", to_string=True)
            gdb.execute("maint flush dcache", to_string=True)
        try:
            n = int(gdb.parse_and_eval("*(unsigned *)0x%x" % (int(gdb.parse_and_eval("&npds")) - off)))
            base = int(gdb.parse_and_eval("&pds")) - off
            out = []
            for i in range(min(n, 64)):
                p = gdb.parse_and_eval("((struct pd *)0x%x)[%d]" % (base, i))
                f = {k: int(p[k]) for k in ("prio", "state", "passive", "index", "caller", "callee", "ttbr0")}
                desc = int(p["desc"])
                name = "?"
                if desc:
                    raw = gdb.selected_inferior().read_memory(desc - off, 64).tobytes()
                    name = raw.split(b"\0")[0].decode("utf-8", "replace")
                for k in ("caller", "callee"):
                    f[k] = (f[k] - (int(gdb.parse_and_eval("&pds")))) // gdb.lookup_type("struct pd").sizeof \
                        if f[k] else None
                out.append((i, name, f))
            return out
        finally:
            if phys:
                gdb.execute("maint packet Qqemu.PhyMemMode:0", to_string=True)
                gdb.execute("maint flush dcache", to_string=True)

    def running_index(self):
        """The global index of the PD whose address space is live (ASID - 1), or None."""
        try:
            ttbr0 = int(gdb.parse_and_eval("$TTBR0_EL1")) & 0xFFFFFFFFFFFFFFFF
        except gdb.error:
            return None
        asid = ttbr0 >> 48
        return asid - 1 if asid else None

    def running_name(self):
        i = self.running_index()
        for name, j in self.indices.items():
            if j == i:
                return name
        return None

    @staticmethod
    def in_user():
        try:
            cpsr = int(gdb.parse_and_eval("$cpsr"))
        except gdb.error:
            return False
        return (cpsr & 0xF) == 0  # EL0t

    # -- symbols -----------------------------------------------------------
    def use_symbols(self, name):
        if name == self.loaded:
            return
        if name is not None and name not in self.images:
            return
        if self.loaded is not None:
            path = self.images[self.loaded]
            for obj in gdb.objfiles():
                if obj.filename and os.path.realpath(obj.filename) == os.path.realpath(path):
                    gdb.execute("remove-symbol-file %s" % path, to_string=True)
                    break
            self.loaded = None
        if name is not None:
            gdb.execute("add-symbol-file %s" % self.images[name], to_string=True)
            self.loaded = name

    def on_stop(self, event):
        if self.in_user():
            name = self.running_name()
            if name is not None:
                self.use_symbols(name)


mk = Minikit()


class Setup(gdb.Command):
    """minikit-setup KERNEL_ELF REPORT: load the kernel's symbols and learn every PD's ELF from the tool's report."""

    def __init__(self):
        super().__init__("minikit-setup", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if len(args) != 2:
            raise gdb.GdbError("usage: minikit-setup KERNEL_ELF REPORT")
        kernel, report = args
        gdb.execute("file %s" % kernel, to_string=True)
        mk.kernel = kernel
        name = None
        with open(report) as f:
            for line in f:
                m = re.match(r"## PD (\d+): (.*)$", line.rstrip("\n"))
                if m:
                    name = m.group(2)
                    mk.indices[name] = int(m.group(1))
                    continue
                m = re.match(r"\s+image:\s+(.*)$", line.rstrip("\n"))
                if m and name is not None:
                    mk.images[name] = m.group(1)
                    name = None
        print("minikit: kernel symbols from %s; PDs: %s" % (kernel, ", ".join(sorted(mk.images)) or "none"))


class InfoPds(gdb.Command):
    """info pds: every protection domain with its priority and state (from the kernel's PD table)."""

    def __init__(self):
        super().__init__("info pds", gdb.COMMAND_STATUS)

    def invoke(self, arg, from_tty):
        pc = int(gdb.parse_and_eval("$pc")) & 0xFFFFFFFFFFFFFFFF
        if not mk.in_user() and pc < KERNEL_VBASE:
            print("the kernel has not set up its PD table yet (stopped at 0x%x, before its MMU is on): "
                  "continue to a breakpoint first" % pc)
            return
        running = mk.running_index() if mk.in_user() else None
        print("%-3s %-20s %4s  %-9s %s" % ("idx", "name", "prio", "state", ""))
        for i, name, f in mk.pd_table():
            st = f["state"]
            state = STATES[st] if st < len(STATES) else str(st)
            notes = []
            if i == running:
                notes.append("<- running")
            if f["passive"]:
                notes.append("passive")
            if f["caller"] is not None:
                notes.append("serving PD %d" % f["caller"])
            if st in (2, 3) and f["callee"] is not None:
                notes.append("calling PD %d" % f["callee"])
            print("%-3d %-20s %4d  %-9s %s" % (i, name, f["prio"], state, " ".join(notes)))


class PdBreakpoint(gdb.Breakpoint):
    def __init__(self, spec, pd_name, pd_index):
        super().__init__(spec, gdb.BP_BREAKPOINT)
        self.pd_name = pd_name
        self.pd_index = pd_index

    def stop(self):
        if mk.running_index() != self.pd_index:
            return False
        mk.use_symbols(self.pd_name)
        return True


class PdBreak(gdb.Command):
    """pd-break PD LOCATION: stop at LOCATION (in PD's ELF: a function, FILE:LINE or *ADDR) only when PD is running."""

    def __init__(self):
        super().__init__("pd-break", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        parts = arg.split(None, 1)
        if len(parts) != 2:
            raise gdb.GdbError("usage: pd-break PD LOCATION")
        name, loc = parts
        if name not in mk.images:
            raise gdb.GdbError("no PD named '%s' (known: %s)" % (name, ", ".join(sorted(mk.images))))
        index = mk.indices[name]
        previous = mk.loaded
        mk.use_symbols(name)
        try:
            if loc.startswith("*"):
                addrs = [int(gdb.parse_and_eval(loc[1:]))]
            else:
                sals = gdb.decode_line(loc)[1]
                if not sals:
                    raise gdb.GdbError("no location '%s' in PD %s" % (loc, name))
                addrs = sorted({sal.pc for sal in sals})
                if re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", loc) and len(addrs) > 1:
                    # A function name: keep the locations inside the function the
                    # linker chose (a weak default the PD overrides keeps its code
                    # and debug info, but not its name in the symbol table).
                    # (re.M: with set trace-commands on, the output starts with the command.)
                    named = [a for a in addrs if re.search(r"^%s( \+ \d+)? in section" % re.escape(loc),
                                                           gdb.execute("info symbol 0x%x" % a, to_string=True),
                                                           re.M)]
                    addrs = named or addrs
            # Created while PD's symbols are in effect, so GDB describes them right.
            for addr in addrs:
                bp = PdBreakpoint("*0x%x" % addr, name, index)
                print("PD breakpoint %d: %s at 0x%x, only in PD '%s'" % (bp.number, loc, addr, name))
        finally:
            mk.use_symbols(previous)


class PdSymbols(gdb.Command):
    """pd-symbols [PD]: put PD's symbols in effect (default: the PD whose address space is live)."""

    def __init__(self):
        super().__init__("pd-symbols", gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        name = arg.strip() or mk.running_name()
        if name is None:
            raise gdb.GdbError("no PD is running")
        if name not in mk.images:
            raise gdb.GdbError("no PD named '%s'" % name)
        mk.use_symbols(name)
        print("minikit: symbols of PD '%s' (%s)" % (name, mk.images[name]))


Setup()
InfoPds()
PdBreak()
PdSymbols()
gdb.events.stop.connect(mk.on_stop)
