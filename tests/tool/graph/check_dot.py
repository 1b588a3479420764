#!/usr/bin/env python3
"""Check the DOT text that `microkit --graph X.dot` wrote for the flagship
(examples/shared-memory): both PDs, both regions, each map's permissions
(client rw, server r, on both regions) and the PPC direction (client, the
end with pp="true", calls server). Prints what is wrong, nothing if all is right.

Usage: check_dot.py FILE.dot
"""
import re
import sys


def main():
    text = open(sys.argv[1], encoding='utf-8').read()
    nodes = {}  # name (the bold first line of the label) -> node id
    for m in re.finditer(r'^\s*(\w+) \[.*?label=<<b>([^<]*)</b>', text, re.M):
        nodes[m.group(2)] = m.group(1)
    edges = re.findall(r'^\s*(\w+) -> (\w+) \[(.*)\];$', text, re.M)
    problems = []
    for name in ('client', 'server', 'region_a', 'region_b'):
        if name not in nodes:
            problems.append(f'no node named {name}')
    if problems:
        return problems

    def edge(a, b):
        return [attrs for x, y, attrs in edges if x == nodes[a] and y == nodes[b]]

    for pd, perms in (('client', 'rw'), ('server', 'r')):
        for mr in ('region_a', 'region_b'):
            found = edge(pd, mr)
            if len(found) != 1 or f'<b>{perms}</b>' not in found[0]:
                problems.append(f'map {pd} -> {mr}: want one edge with perms {perms}, got {found}')
    ppc = edge('client', 'server')
    if len(ppc) != 1 or '<b>PPC</b>' not in ppc[0] or 'dir=' in ppc[0]:
        problems.append(f'PPC client -> server: want one forward PPC edge, got {ppc}')
    elif 'taillabel=<13>' not in ppc[0] or 'headlabel=<37>' not in ppc[0]:
        problems.append(f'PPC client -> server: channel ids 13 (client) and 37 (server) missing: {ppc[0]}')
    if edge('server', 'client'):
        problems.append('an edge from server to client: the server may not call the client')
    return problems


if __name__ == '__main__':
    for p in main():
        print(p)
