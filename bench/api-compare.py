#!/usr/bin/env python3
"""api-compare.py RUN_DIR... : p50 / p95 (load) of the same requests across runs of bench/api-bench.sh (the API table of docs/performance.md)."""
import json, sys, os
runs = sys.argv[1:]
data = {}
for r in runs:
    f = os.path.join(r, "wrk.jsonl")
    if not os.path.exists(f): continue
    for l in open(f):
        d = json.loads(l); data.setdefault((d["path"], d["connections"]), {})[r] = d
names = [os.path.basename(r) for r in runs]
hdr = "| request | conns | " + " | ".join(f"{n}: p50 / **p95** ms (load)" for n in names) + " |"
print(hdr); print("|---|---:|" + "---:|" * len(names))
for (path, c), v in data.items():
    cells = []
    for r in runs:
        d = v.get(r)
        cells.append("–" if not d else f"{float(d['p50_ms']):.0f} / **{float(d['p95_ms']):.0f}** ({float(d['load_start'].split()[0]):.0f}–{float(d['load_end'].split()[0]):.0f})")
    print(f"| `{path}` | {c} | " + " | ".join(cells) + " |")
