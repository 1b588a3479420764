#!/usr/bin/env python3
"""Write a hostile system for --graph: the most PDs a system may have (63),
nested three deep, with names full of characters that DOT and SVG treat
specially, and many channels (PPC, notify-only, one-way), maps and IRQs.

Usage: hostile.py OUT.system
"""
import sys

N = 63
# Characters that break DOT strings, HTML-like labels or XML when not escaped.
NASTY = ['&amp;', '&lt;', '&gt;', '&quot;', "'", '\\', '{', '}', ';', '-&gt;', '//', '/*', '#', '%', 'é']


def name(i):
    return f'pd{i}{NASTY[i % len(NASTY)]}x'


def main():
    out = []
    out.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.append('<system>')
    for r in range(8):
        out.append(f'  <memory_region name="mr{r}{NASTY[r]}" size="0x{(r + 1) * 0x1000:x}" />')
    # PD k (k >= 1) whose parent is (k - 1) // 8 when k < 9... a tree: 0..6 roots,
    # 7..55 children of the roots (7 each), 56..62 grandchildren of PD 7.
    parent = {}
    for k in range(7, 56):
        parent[k] = (k - 7) // 7
    for k in range(56, 63):
        parent[k] = 7
    kids = {i: [k for k in range(N) if parent.get(k) == i] for i in range(N)}
    ids = {i: 0 for i in range(N)}

    def next_id(i):
        ids[i] += 1
        assert ids[i] < 62
        return ids[i] - 1

    irqs = {i: [] for i in range(N)}
    for i in range(0, N, 9):
        irqs[i].append(f'<irq irq="{40 + i}" id="{next_id(i)}" trigger="{"edge" if i % 2 else "level"}" />')

    def pd(i, depth):
        pad = '  ' * (depth + 1)
        attrs = f'name="{name(i)}" priority="{10 + i}"'
        if i in parent:
            attrs += f' id="{i % 60}"'
        if i % 5 == 3:
            attrs += ' passive="true"'
        if i % 4 == 1:
            attrs += ' budget="100" period="1000"'
        lines = [f'{pad}<protection_domain {attrs}>', f'{pad}  <program_image path="no-such-{i}.elf" />']
        for r in range(i % 3):
            mr = (i + r) % 8
            perms = ['r', 'rw', 'rx'][(i + r) % 3]
            lines.append(f'{pad}  <map mr="mr{mr}{NASTY[mr]}" vaddr="0x{0x4000000 + r * 0x200000:x}" perms="{perms}"'
                         f' setvar_vaddr="v{r}" />')
        lines += [pad + '  ' + q for q in irqs[i]]
        for k in kids[i]:
            lines += pd(k, depth + 1)
        lines.append(f'{pad}</protection_domain>')
        return lines

    for i in range(N):
        if i not in parent:
            out += pd(i, 0)
    chans = 0
    for i in range(N):
        for step in (1, 2, 7):
            j = (i + step) % N
            a, b = next_id(i), next_id(j)
            kind = (i + step) % 4
            # A PPC goes from the lower priority (lower index) to the higher.
            ea = f'<end pd="{name(i)}" id="{a}"' + (' pp="true"' if kind == 0 and i < j else '') + ' />'
            eb = f'<end pd="{name(j)}" id="{b}"' + (' pp="true"' if kind == 0 and j < i else '') + \
                (' notify="false"' if kind == 2 else '') + ' />'
            out.append(f'  <channel>{ea}{eb}</channel>')
            chans += 1
    out.append('</system>')
    with open(sys.argv[1], 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
