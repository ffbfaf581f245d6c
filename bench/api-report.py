#!/usr/bin/env python3
"""api-report.py RESULTS_DIR... : the wrk runs of bench/api-bench.sh as a Markdown table (for docs/performance.md)."""
import json, os, sys

print("| run | request | conns | p50 ms | p95 ms | p99 ms | req/s | requests | bytes/response | non-2xx | load (1-min) start → end | app RSS peak MB |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
for d in sys.argv[1:]:
    f = os.path.join(d, "wrk.jsonl")
    if not os.path.exists(f):
        continue
    for line in open(f):
        r = json.loads(line)
        label = r["label"].rsplit(" c=", 1)[0]
        print(f"| {os.path.basename(d.rstrip('/'))} | {label}: `{r['path']}` | {r['connections']} | {r['p50_ms']} | **{r['p95_ms']}** | "
              f"{r['p99_ms']} | {r['rps']} | {r['requests']} | {r['response_bytes']} | {r['non_2xx_3xx']} | "
              f"{r['load_start'].split()[0]} → {r['load_end'].split()[0]} | {r['app_rss_peak_mb']} |")
