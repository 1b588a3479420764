#!/usr/bin/env python3
"""jsoncheck.py REPORT.json EXPR...: each EXPR is a Python expression over
`r` (the parsed --report-json) and helpers `pd(name)` and `mr(name)`; print
the first one that is not true (nothing when all hold). The file's validity as
JSON is checked separately with `python3 -m json.tool`."""
import json
import sys


def main():
    with open(sys.argv[1]) as f:
        r = json.load(f)

    def pd(name):
        return next(p for p in r["protection_domains"] if p["name"] == name)

    def mr(name):
        return next(m for m in r["memory_regions"] if m["name"] == name)

    def sym(pd_name, symbol):
        return next(s for s in pd(pd_name)["patched_symbols"] if s["symbol"] == symbol)

    env = {"r": r, "pd": pd, "mr": mr, "sym": sym}
    for expr in sys.argv[2:]:
        try:
            ok = eval(expr, env)
        except Exception as e:  # a missing key is a failed expectation, not a crash
            print(f"json: {expr}: {type(e).__name__}: {e}")
            return
        if not ok:
            print(f"json: not true: {expr}")
            return


main()
