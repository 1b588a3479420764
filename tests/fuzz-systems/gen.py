#!/usr/bin/env python3
"""gen.py SEED: print a random, valid-looking .system file.

Every element and attribute of the system description appears at some rate:
memory regions (sizes, 4 KiB / 2 MiB pages, phys_addr in RAM, at devices the
PDs may map such as the UART 0x9000000 and at the GIC frames the kernel
keeps, prefill_path), protection domains (priority, budget/period, passive,
stack_size, smc, cpu, fpu, domain, nested children with id/setvar_id,
program_image with path_for_symbols),
maps (perms, cached, setvar_vaddr/size/prefill_size), irqs (trigger,
setvar_id), setvar region_paddr, channels (pp, notify, setvar_id) and
<domains> with a schedule (start_index, index_shift, end markers), and
virtual machines (priority, budget/period, vCPUs with id/setvar_id/cpu,
guest-physical maps with perms/cached) in some PDs. Most systems follow the rules; a few break one
(a mistake a user could make), so that the tool's refusals are exercised
too. The same SEED always gives the same system.

The PDs run tests/fuzz-systems/pd.c (fz.elf, fz-big.elf): the setvar symbols
used here are the ones it defines. A comment at the top of the output says
what the system has (`timed`: a PD with budget < period; `vms`: virtual
machines, whose vCPUs stay suspended: pd.c never starts them).

The virtual machines draw on a random source of their own (SEED + "/vm"), so
that adding them left every other part of a seed's system as it was.
"""
import random
import sys

# The smallest budget the tool and kernel accept (MK_MIN_BUDGET_US, seL4's MIN_BUDGET_US on Arm).
MIN_BUDGET_US = 20

PAGE, LARGE = 0x1000, 0x200000
RAM_BASE, RAM_END = 0x4000_0000, 0xC000_0000
STACK_TOP = 0xFF_FFFF_F000 - 0x1000

# Physical addresses on QEMU virt. Refused: the GIC frames the kernel drives.
DEVICES_OK = [0x0900_0000, 0x0901_0000, 0x0902_0000, 0x0903_0000, 0x0A00_0000, 0x0A00_1000,
              0x0802_0000, 0x0804_0000, 0x0808_0000, 0x1000_0000, 0x3EFF_0000, 0x40_1000_0000,
              0x80_0000_0000, 0xFF_FFFF_F000]
DEVICES_KEPT = [0x0800_0000, 0x0801_0000, 0x0803_0000, 0x080A_0000, 0x08FF_F000]
IRQS_OK = [16, 17, 20, 23, 25, 26, 28, 29, 30, 31, 32, 33, 34, 35, 36, 40, 47, 48, 63, 79, 100, 500, 1019]
IRQS_BAD = [0, 1, 15, 27, 1020, 1023, 4096]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.lines = []
        self.flaws = []   # rules broken on purpose
        self.timed = False
        self.npds = 0
        self.irqs = 0
        self.vr = random.Random(seed + "/vm")
        self.vms = 0

    def chance(self, p):
        return self.r.random() < p

    def flaw(self, p, what):
        """Break a rule with probability p (at most a few per system)."""
        if len(self.flaws) < 2 and self.chance(p):
            self.flaws.append(what)
            return True
        return False

    def num(self, v):
        """SDF number syntax: decimal, hex, with underscores."""
        c = self.r.random()
        if c < 0.4:
            return str(v)
        if c < 0.8:
            return hex(v)
        h = format(v, "x")
        parts = []
        while len(h) > 3:
            parts.insert(0, h[-3:])
            h = h[:-3]
        parts.insert(0, h)
        return "0x" + "_".join(parts)

    def boolean(self, v):
        return "true" if v else "false"

    # ------------------------------------------------------------ regions
    def make_mrs(self):
        mrs = []
        for i in range(self.r.randint(0, 6)):
            mr = {"name": f"mr{i}", "page": LARGE if self.chance(0.15) else PAGE, "prefill": False}
            kind = self.r.random()
            if kind < 0.55:
                mr["paddr"] = None
                mr["ram"] = True
            elif kind < 0.75:
                mr["paddr"] = self.r.choice(DEVICES_OK)
                mr["ram"] = False
                mr["page"] = PAGE
            elif kind < 0.78:
                mr["paddr"] = self.r.choice(DEVICES_KEPT)   # refused: the kernel keeps the GIC
                mr["ram"] = False
                mr["page"] = PAGE
                self.flaws.append("gic")
            elif kind < 0.9:
                # RAM below the image (fixed): mappable as memory.
                mr["paddr"] = RAM_BASE + self.r.randrange(0, 0x100) * LARGE
                mr["ram"] = True
            else:
                mr["paddr"] = None
                mr["ram"] = True
                mr["prefill"] = True
                mr["page"] = PAGE
            if mr["page"] == LARGE:
                mr["size"] = LARGE * self.r.randint(1, 3)
                if mr["paddr"] is not None and mr["paddr"] % LARGE:
                    mr["page"] = PAGE
            else:
                mr["size"] = PAGE * self.r.choice([1, 1, 2, 3, 4, 16, 512])
            if mr["paddr"] is not None and not mr["ram"]:
                mr["size"] = PAGE * self.r.choice([1, 1, 1, 2, 16])
                if mr["paddr"] + mr["size"] > 1 << 40:
                    mr["size"] = PAGE
            if self.flaw(0.01, "beyond-2^40") and mr["paddr"] is not None:
                mr["paddr"] = (1 << 40) - PAGE
                mr["size"] = 2 * PAGE
            mrs.append(mr)
        return mrs

    def emit_mr(self, mr):
        a = [f'name="{mr["name"]}"']
        if mr["prefill"]:
            a.append('prefill_path="prefill-5000.bin"')
            if self.chance(0.5):
                a.append(f'size="{self.num(0x2000)}"')
                mr["size"] = 0x2000
            else:
                mr["size"] = 0x2000
        else:
            a.append(f'size="{self.num(mr["size"])}"')
        if mr["page"] == LARGE or self.chance(0.2):
            a.append(f'page_size="{self.num(mr["page"])}"')
        if mr["paddr"] is not None:
            a.append(f'phys_addr="{self.num(mr["paddr"])}"')
        self.r.shuffle(a)
        self.lines.append(f'    <memory_region {" ".join(a)} />')

    # ------------------------------------------------------------ PDs
    def make_pds(self, domains):
        pds = []
        count = self.r.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 12])

        def new(parent, depth):
            pd = {"name": f"pd{len(pds)}", "parent": parent, "kids": [], "depth": depth,
                  "prio": self.r.randint(0, 254), "ids": set(), "maps": [], "irqs": [], "setvars": [],
                  "elf": "fz-big.elf" if self.chance(0.2) else "fz.elf", "vars": list(range(16)),
                  "rd": [0, 1, 2, 3], "wr": [0, 1, 2, 3]}
            pd["prio_attr"] = self.chance(0.9)
            if not pd["prio_attr"]:
                pd["prio"] = 0  # the default
            self.r.shuffle(pd["vars"])
            if self.chance(0.2):
                period = self.r.choice([1000, 2000, 5000, 10000, 100000])
                pd["period"] = period
                pd["budget"] = self.r.choice([period, period // 2, period // 4, max(MIN_BUDGET_US, period // 100)])
                if pd["budget"] < period:
                    self.timed = True
            elif self.chance(0.1):
                pd["budget"] = self.r.choice([100, 1000, 5000])
            if self.flaw(0.005, "budget-zero"):
                pd["budget"] = self.r.choice([0, 1, MIN_BUDGET_US - 1])  # zero, or under seL4's minimum
            if self.flaw(0.005, "budget-over-period"):
                pd["budget"], pd["period"] = 2000, 1000
            pds.append(pd)
            if parent is not None:
                pd["child_id"] = self.fresh_id(parent)
            return pd

        roots = []
        while len(pds) < count:
            if pds and self.chance(0.3):
                parent = self.r.choice(pds)
                if parent["depth"] < 3:
                    parent["kids"].append(new(parent, parent["depth"] + 1))
                    continue
            roots.append(new(None, 0))
        for pd in pds:
            pd["passive"] = self.chance(0.15)
            if domains:
                pd["domain"] = self.r.choice(domains)
        return roots, pds

    def fresh_id(self, pd):
        free = [i for i in range(62) if i not in pd["ids"]]
        if not free:
            return None
        i = self.r.choice(free[:8] if self.chance(0.7) else free)
        pd["ids"].add(i)
        return i

    def var(self, pd):
        return f'fz_var{pd["vars"].pop()}' if pd["vars"] else None

    def add_maps(self, pd, mrs):
        va = 0x1000_0000 + self.r.randrange(0, 64) * LARGE
        for mr in self.r.sample(mrs, self.r.randint(0, len(mrs))):
            va = (va + mr["page"] - 1) // mr["page"] * mr["page"]
            m = {"mr": mr, "vaddr": va}
            perms = self.r.choice(["r", "rw", "rw", "rw", "rx", "rwx", "x"])
            if self.flaw(0.003, "write-only"):
                perms = "w"
            m["perms"] = perms
            m["cached"] = None if self.chance(0.4) else self.chance(0.5)
            if not mr["ram"] and m["cached"] is None and self.chance(0.5):
                m["cached"] = False
            attrs = []
            if mr["ram"] and "r" in perms:
                pool, name = (pd["wr"], "fz_wr") if "w" in perms else (pd["rd"], "fz_rd")
                if pool and self.chance(0.7):
                    attrs.append(f'setvar_vaddr="{name}{pool.pop()}"')
            if not attrs and self.chance(0.2):
                v = self.var(pd)
                if v:
                    attrs.append(f'setvar_vaddr="{v}"')
            if self.chance(0.2):
                v = self.var(pd)
                if v:
                    attrs.append(f'setvar_size="{v}"')
            if mr["prefill"] and self.chance(0.5):
                v = self.var(pd)
                if v:
                    attrs.append(f'setvar_prefill_size="{v}"')
            m["attrs"] = attrs
            pd["maps"].append(m)
            va += mr["size"] + self.r.choice([0, 0, PAGE, LARGE])
            if self.flaw(0.005, "overlapping-maps"):
                va -= PAGE

    def add_irqs(self, pd, used):
        for _ in range(self.r.choice([0, 0, 0, 1, 1, 2])):
            irq = self.r.choice(IRQS_OK)
            if self.flaw(0.02, "bad-irq"):
                irq = self.r.choice(IRQS_BAD)
            elif irq in used:
                continue
            used.add(irq)
            pd.setdefault("irq_numbers", []).append(irq)
            i = self.fresh_id(pd)
            if i is None:
                return
            a = [f'irq="{irq}"', f'id="{i}"']
            if self.chance(0.5):
                a.append(f'trigger="{self.r.choice(["level", "edge"])}"')
            if self.chance(0.2):
                v = self.var(pd)
                if v:
                    a.append(f'setvar_id="{v}"')
            pd["irqs"].append(a)

    def add_setvars(self, pd, mrs):
        for mr in mrs:
            if self.chance(0.15):
                v = self.var(pd)
                if v:
                    pd["setvars"].append(f'<setvar symbol="{v}" region_paddr="{mr["name"]}" />')

    def emit_pd(self, pd, indent):
        sp = "    " * indent
        a = [f'name="{pd["name"]}"']
        if pd["parent"] is not None:
            a.append(f'id="{pd["child_id"]}"')
            if self.chance(0.3):
                v = self.var(pd["parent"])
                if v:
                    a.append(f'setvar_id="{v}"')
        if pd["prio_attr"]:
            a.append(f'priority="{self.num(pd["prio"])}"')
        if "budget" in pd:
            a.append(f'budget="{self.num(pd["budget"])}"')
        if "period" in pd:
            a.append(f'period="{self.num(pd["period"])}"')
        if pd["passive"] or self.chance(0.1):
            a.append(f'passive="{self.boolean(pd["passive"])}"')
        if self.chance(0.3):
            a.append(f'stack_size="{self.num(PAGE * self.r.choice([1, 2, 4, 16, 64, 256]))}"')
        if self.chance(0.1):
            a.append(f'smc="{self.boolean(self.chance(0.5))}"')
        if self.chance(0.1):
            a.append('cpu="0"')
        if self.chance(0.1):
            a.append(f'fpu="{self.boolean(self.chance(0.5))}"')
        if "domain" in pd:
            a.append(f'domain="{pd["domain"]}"')
        self.r.shuffle(a)
        self.lines.append(f'{sp}<protection_domain {" ".join(a)}>')
        if self.chance(0.1):  # symbols from an unstripped copy
            stripped = pd["elf"].replace(".elf", "-stripped.elf")
            self.lines.append(f'{sp}    <program_image path="{stripped}" path_for_symbols="{pd["elf"]}" />')
        else:
            self.lines.append(f'{sp}    <program_image path="{pd["elf"]}" />')
        for m in pd["maps"]:
            ma = [f'mr="{m["mr"]["name"]}"', f'vaddr="{self.num(m["vaddr"])}"']
            if m["perms"] != "rw" or self.chance(0.5):
                ma.append(f'perms="{m["perms"]}"')
            if m["cached"] is not None:
                ma.append(f'cached="{self.boolean(m["cached"])}"')
            ma += m["attrs"]
            self.r.shuffle(ma)
            self.lines.append(f'{sp}    <map {" ".join(ma)} />')
        for a in pd["irqs"]:
            self.r.shuffle(a)
            self.lines.append(f'{sp}    <irq {" ".join(a)} />')
        for s in pd["setvars"]:
            self.lines.append(f'{sp}    {s}')
        for kid in pd["kids"]:
            self.emit_pd(kid, indent + 1)
        if "vm" in pd:
            self.emit_vm(pd["vm"], sp + "    ")
        self.lines.append(f'{sp}</protection_domain>')

    # ------------------------------------------------------------ virtual machines
    def make_vms(self, pds, mrs):
        """Give a few PDs a <virtual_machine>, after every other id was taken (vCPU ids share the VMM's)."""
        vr = self.vr
        if vr.random() >= 0.15:
            return
        # IRQs 25 and 26 are the kernel's once there are VMs: such a system gets none, but for a rare flaw.
        if any(i in (25, 26) for pd in pds for i in pd.get("irq_numbers", [])):
            if len(self.flaws) >= 2 or vr.random() >= 0.1:
                return
            self.flaws.append("vm-kernel-irq")
        room = 63 - len(pds)  # PDs and vCPUs together
        for n, pd in enumerate(vr.sample(pds, min(len(pds), vr.choice([1, 1, 1, 2])))):
            free = [i for i in range(62) if i not in pd["ids"]]
            if not free or room <= 0:
                return
            ncpu = min(room, len(free), vr.choice([1, 1, 1, 2, 3]))
            room -= ncpu
            vm = {"name": f"vm{n}", "vcpus": [], "maps": [], "attrs": []}
            if vr.random() < 0.7:
                vm["attrs"].append(f'priority="{vr.randint(0, 254)}"')
            if vr.random() < 0.2:
                period = vr.choice([1000, 5000, 100000])
                vm["attrs"] += [f'budget="{vr.choice([period, period // 2])}"', f'period="{period}"']
            for i in vr.sample(free, ncpu):
                pd["ids"].add(i)
                a = [f'id="{i}"']
                if vr.random() < 0.2:
                    a.append('cpu="0"')
                if vr.random() < 0.3 and pd["vars"]:
                    a.append(f'setvar_id="fz_var{pd["vars"].pop()}"')
                vr.shuffle(a)
                vm["vcpus"].append(a)
            gpa = vr.choice([0, 0x4000_0000, 0x8000_0000, 0x7F_0000_0000])
            for mr in vr.sample(mrs, vr.randint(0, len(mrs))):
                gpa = (gpa + mr["page"] - 1) // mr["page"] * mr["page"]
                if mr["ram"]:
                    perms = vr.choice(["rwx", "rwx", "rw", "r", "rx"])
                    cached = None if vr.random() < 0.7 else "true"
                else:  # a device passed through (or, as a flaw, a GIC frame the kernel keeps)
                    perms, cached = "rw", "false"
                if gpa + mr["size"] > 1 << 39:
                    if len(self.flaws) < 2 and vr.random() < 0.1:
                        self.flaws.append("vm-beyond-2^39")
                    else:
                        break
                a = [f'mr="{mr["name"]}"', f'vaddr="{hex(gpa)}"', f'perms="{perms}"']
                if cached:
                    a.append(f'cached="{cached}"')
                vr.shuffle(a)
                vm["maps"].append(a)
                gpa += mr["size"] + vr.choice([0, 0, PAGE, LARGE])
            pd["vm"] = vm
            self.vms += 1

    def emit_vm(self, vm, sp):
        a = [f'name="{vm["name"]}"'] + vm["attrs"]
        self.vr.shuffle(a)
        self.lines.append(f'{sp}<virtual_machine {" ".join(a)}>')
        for v in vm["vcpus"]:
            self.lines.append(f'{sp}    <vcpu {" ".join(v)} />')
        for m in vm["maps"]:
            self.lines.append(f'{sp}    <map {" ".join(m)} />')
        self.lines.append(f'{sp}</virtual_machine>')

    # ------------------------------------------------------------ channels
    def make_channels(self, pds):
        chans = []
        if len(pds) < 2:
            return chans
        for _ in range(self.r.randint(0, 2 * len(pds))):
            a, b = self.r.sample(pds, 2)
            ia, ib = self.fresh_id(a), self.fresh_id(b)
            if ia is None or ib is None:
                break
            ends = [{"pd": a, "id": ia}, {"pd": b, "id": ib}]
            if self.chance(0.4):
                caller, callee = (ends[0], ends[1]) if a["prio"] < b["prio"] else (ends[1], ends[0])
                if caller["pd"]["prio"] < callee["pd"]["prio"] or self.flaw(0.02, "pp-priority"):
                    caller["pp"] = True
            for e in ends:
                if self.chance(0.2):
                    e["notify"] = self.chance(0.5)
                if self.chance(0.15):
                    v = self.var(e["pd"])
                    if v:
                        e["setvar"] = v
            chans.append(ends)
        return chans

    def emit_channel(self, ends):
        self.lines.append("    <channel>")
        for e in ends:
            a = [f'pd="{e["pd"]["name"]}"', f'id="{e["id"]}"']
            if "pp" in e or self.chance(0.1):
                a.append(f'pp="{self.boolean(e.get("pp", False))}"')
            if "notify" in e:
                a.append(f'notify="{self.boolean(e["notify"])}"')
            if "setvar" in e:
                a.append(f'setvar_id="{e["setvar"]}"')
            self.r.shuffle(a)
            self.lines.append(f'        <end {" ".join(a)} />')
        self.lines.append("    </channel>")

    # ------------------------------------------------------------ domains
    def make_domains(self):
        if not self.chance(0.08):
            return []
        names = [f"dom{i}" for i in range(self.r.randint(1, 3))]
        self.lines.append("    <domains>")
        for i, n in enumerate(names):
            extra = f' id="{i}"' if self.chance(0.3) else ""
            self.lines.append(f'        <domain name="{n}"{extra} />')
        # Every domain is in the cycle, for at least 100 us (6250 ticks of QEMU's 62.5 MHz counter): a PD
        # whose domain never runs, or runs for a few ticks only, cannot finish its init, which is not a panic
        # but would look like a hang.
        # The cycle runs from start_index to the first end marker (or the end) and wraps back to start_index:
        # every domain is in it; entries before start_index (outside the cycle) may name any domain.
        cycle = names + [self.r.choice(names) for _ in range(self.r.randint(0, 2))]
        self.r.shuffle(cycle)
        before = [self.r.choice(names) for _ in range(self.r.choice([0, 0, 0, 1, 2]))]
        entries = []
        for d in before + cycle:
            if self.chance(0.5):
                duration = f"{self.r.choice([100, 1000, 5000])} us"
            else:
                duration = f"{self.r.choice([6250, 62500, 312500])} ticks"
            entries.append(f'            <schedule_entry domain="{d}" duration="{duration}" />')
        if self.chance(0.3):
            entries.append("            <schedule_end_marker />")
        a = []
        if before or self.chance(0.3):
            a.append(f' start_index="{len(before)}"')
        if self.chance(0.3):
            a.append(f' index_shift="{self.r.randrange(0, 8)}"')
        self.lines.append(f'        <domain_schedule{"".join(a)}>')
        self.lines += entries
        self.lines.append("        </domain_schedule>")
        self.lines.append("    </domains>")
        return names

    def generate(self):
        body_start = len(self.lines)
        domains = self.make_domains()
        mrs = self.make_mrs()
        roots, pds = self.make_pds(domains)
        for mr in mrs:
            self.emit_mr(mr)
        used = set()
        for pd in pds:
            self.add_maps(pd, mrs)
            self.add_irqs(pd, used)
            self.add_setvars(pd, mrs)
        chans = self.make_channels(pds)
        self.make_vms(pds, mrs)
        self.npds = len(pds)
        self.irqs = sum(len(pd["irqs"]) for pd in pds)
        for pd in roots:
            self.emit_pd(pd, 1)
        for c in chans:
            self.emit_channel(c)
        body = self.lines[body_start:]
        head = ['<?xml version="1.0" encoding="UTF-8"?>',
                f'<!-- fuzz-systems: pds={self.npds} irqs={self.irqs} timed={int(self.timed)} vms={self.vms} '
                f'flaws={",".join(self.flaws) or "none"} -->',
                "<system>"]
        return "\n".join(head + body + ["</system>", ""])


def main():
    seed = sys.argv[1] if len(sys.argv) > 1 else "0"
    sys.stdout.write(Gen(seed).generate())


if __name__ == "__main__":
    main()
