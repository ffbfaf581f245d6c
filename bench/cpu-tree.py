#!/usr/bin/env python3
"""cpu-tree.py - CPU of the app's process tree from /proc (issue 18), for bench/api-bench.sh.

  cpu-tree.py snap JVM_PID PGDATA [SIM_PID_GLOB]  > a.json    one snapshot (seconds of CPU so far)
  cpu-tree.py diff a.json b.json                               cores used between two snapshots, per part,
                                                               and the JVM threads that used the most

Parts: jvm = the JVM's own user+sys; ipmitool = its reaped children (cutime+cstime: ipmitool runs);
pg = postmaster (self + reaped backends) + live backends; sims = the ipmi_sim processes of the glob's pid files.
"""
import glob
import json
import os
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def stat(path):
    """(comm, utime+stime, cutime+cstime) in seconds; None when the process is gone."""
    try:
        with open(path) as f:
            raw = f.read()
    except OSError:
        return None
    comm = raw[raw.index("(") + 1:raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2:].split()
    # fields[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17 -> indexes 11..14
    return comm, (int(fields[11]) + int(fields[12])) / HZ, (int(fields[13]) + int(fields[14])) / HZ


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def snap(jvm, pgdata, sim_glob):
    out = {"t": time.monotonic(), "jvm": 0.0, "ipmitool": 0.0, "pg": 0.0, "sims": 0.0, "threads": {}}
    s = stat(f"/proc/{jvm}/stat")
    if s:
        out["jvm"], out["ipmitool"] = s[1], s[2]
        for task in glob.glob(f"/proc/{jvm}/task/*/stat"):
            t = stat(task)
            if t:
                key = f"{t[0]}#{task.split('/')[4]}"
                out["threads"][key] = t[1]
    try:
        with open(os.path.join(pgdata, "postmaster.pid")) as f:
            pm = int(f.readline())
        s = stat(f"/proc/{pm}/stat")
        if s:
            out["pg"] = s[1] + s[2] + sum((stat(f"/proc/{c}/stat") or ("", 0, 0))[1] for c in children(pm))
    except (OSError, ValueError):
        pass
    if sim_glob:
        for pidfile in glob.glob(sim_glob):
            try:
                s = stat(f"/proc/{int(open(pidfile).read())}/stat")
            except (OSError, ValueError):
                s = None
            if s and s[0] == "ipmi_sim":
                out["sims"] += s[1]
    return out


def diff(a, b):
    secs = b["t"] - a["t"]
    parts = {k: round((b[k] - a[k]) / secs, 4) for k in ("jvm", "ipmitool", "pg", "sims")}
    parts["app_total"] = round(parts["jvm"] + parts["ipmitool"] + parts["pg"], 4)
    by_name = {}
    for key, used in b["threads"].items():
        name = key.rsplit("#", 1)[0]
        by_name[name] = by_name.get(name, 0.0) + used - a["threads"].get(key, 0.0)
    top = sorted(((round(v / secs * 1000, 2), k) for k, v in by_name.items() if v > 0), reverse=True)[:15]
    return {"seconds": round(secs, 1), "cores": parts, "top_jvm_threads_millicores": top}


if __name__ == "__main__":
    if sys.argv[1] == "snap":
        print(json.dumps(snap(int(sys.argv[2]), sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "")))
    elif sys.argv[1] == "diff":
        print(json.dumps(diff(json.load(open(sys.argv[2])), json.load(open(sys.argv[3])))))
    else:
        sys.exit(__doc__)
