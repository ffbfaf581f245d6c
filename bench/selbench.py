#!/usr/bin/env python3
"""Part A: cost of one steady-state poll vs. a full `sel elist`, against the same BMC.

Runs exactly the ipmitool command lines the app's IpmitoolRunner builds (see BmcPoller / SelWalker):
  ipmitool -I lanplus -H h -p p -U u -E -C 3 -N 2 -R 2 [-v] <command>
Password only through IPMI_PASSWORD (-E); HOME must hold the trimmed enterprise-numbers file.

Wall time: perf_counter around each subprocess. Client CPU: resource.getrusage(RUSAGE_CHILDREN) delta
(user+sys of the ipmitool child, counted when it is reaped). Variants are interleaved round-robin so that
drift (another job on the machine) hits every variant alike. Prints a JSON document on stdout.
"""
import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

RAW_GET_SEL_ENTRY = "raw 0x0a 0x43 0x00 0x00 0x{:02x} 0x{:02x} 0x00 0xff"


def base_args(a, verbose=False):
    args = ["ipmitool", "-I", "lanplus", "-H", a.host, "-p", str(a.port), "-U", a.user, "-E",
            "-C", str(a.cipher), "-N", str(a.session_timeout), "-R", str(a.retries)]
    return args + (["-v"] if verbose else [])


def timed(cmd, env, timeout):
    """Runs cmd; returns (wall_s, cpu_s, rc, stdout)."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, cpu, p.returncode, p.stdout.decode("latin-1")


def batch_file(workdir, lines):
    fd, path = tempfile.mkstemp(prefix="batch", suffix=".txt", dir=workdir)
    with os.fdopen(fd, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def raw_batch(start, size=128):
    return [RAW_GET_SEL_ENTRY.format(i & 0xFF, (i >> 8) & 0xFF) for i in range(start, min(start + size, 0xFFFF))]


def count_sel_responses(stdout):
    # a Get SEL Entry answer is 18 bytes (next id + 16-byte record); ipmitool prints them as hex lines
    data = [b for l in stdout.splitlines() if re.fullmatch(r"\s*(?:[0-9a-f]{2}\s*)+", l) for b in l.split()]
    return len(data) // 18


def summary(samples):
    walls = [s[0] for s in samples]
    cpus = [s[1] for s in samples]
    return {"n": len(samples),
            "wall_median_ms": round(statistics.median(walls) * 1000, 1),
            "wall_p90_ms": round(sorted(walls)[int(0.9 * (len(walls) - 1))] * 1000, 1),
            "cpu_median_ms": round(statistics.median(cpus) * 1000, 1),
            "cpu_mean_ms": round(statistics.mean(cpus) * 1000, 1)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", required=True)
    ap.add_argument("--port", type=int, default=6230)
    ap.add_argument("--user", default="admin")
    ap.add_argument("--cipher", type=int, default=3)
    ap.add_argument("--session-timeout", type=int, default=2)
    ap.add_argument("--retries", type=int, default=2)
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--home", required=True, help="HOME with .local/usr/share/misc/enterprise-numbers.txt")
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--timeout", type=int, default=120)
    a = ap.parse_args()

    if "IPMI_PASSWORD" not in os.environ:
        sys.exit("selbench: IPMI_PASSWORD must be set (ipmitool -E)")
    env = dict(os.environ, HOME=a.home)
    os.makedirs(a.workdir, exist_ok=True)

    # --- discover the SEL: size and last record id (one untimed elist, also a warm-up) ---
    _, _, rc, out = timed(base_args(a) + ["sel", "elist"], env, a.timeout)
    lines = [l for l in out.splitlines() if "|" in l]
    if rc != 0 or not lines:
        sys.exit(f"selbench: sel elist failed (rc={rc})")
    last_id = int(lines[-1].split("|")[0].strip(), 16)
    entries = len(lines)
    # "2 new records since the last poll": the cursor is the record 2 before the last one; the walker
    # asks for 128 ids from the cursor on (cursor + 2 new records exist, 125 ids answer "not present").
    cursor = max(0, last_id - 2)

    probe = batch_file(a.workdir, ["power status", "sel info"])
    # BmcPoller.readState since commit 5735c35 also reads "sdr info" (SDR change detection) in the same session
    probe_sdr = batch_file(a.workdir, ["power status", "sdr info", "sel info"])
    incr = batch_file(a.workdir, raw_batch(cursor))
    # a full resync through the walker (first poll / after a clear): ceil(ids/128) batches from record 0
    resync_batches = [batch_file(a.workdir, raw_batch(s)) for s in range(0, last_id + 1, 128)]

    variants = {
        "steady_probe": base_args(a, verbose=True) + ["exec", probe],
        "steady_probe_sdrinfo": base_args(a, verbose=True) + ["exec", probe_sdr],
        "sensor": base_args(a) + ["sensor"],
        "full_elist": base_args(a) + ["sel", "elist"],
        "incremental_2": base_args(a) + ["exec", incr],
    }
    samples = {k: [] for k in variants}
    samples["steady_incl_sensors"] = []
    samples["steady_sdrinfo_incl_sensors"] = []
    samples["walker_full_resync"] = []
    checks = {}
    try:
        for rep in range(a.reps):
            per_rep = {}
            for name, cmd in variants.items():
                wall, cpu, rc, out = timed(cmd, env, a.timeout)
                per_rep[name] = (wall, cpu)
                samples[name].append((wall, cpu))
                if rep == 0:
                    if name == "steady_probe":
                        checks["probe_ok"] = rc == 0 and "Chassis Power is" in out and "Entries" in out
                        checks["probe_sel_info"] = [l.strip() for l in out.splitlines()
                                                    if l.startswith(("Entries", "Last Add Time", "Chassis Power"))]
                    elif name == "sensor":
                        checks["sensor_rows"] = sum(1 for l in out.splitlines() if "|" in l)
                    elif name == "full_elist":
                        checks["elist_rows"] = sum(1 for l in out.splitlines() if "|" in l)
                    elif name == "incremental_2":
                        checks["incremental_records_returned"] = count_sel_responses(out)
            p, s = per_rep["steady_probe"], per_rep["sensor"]
            samples["steady_incl_sensors"].append((p[0] + s[0], p[1] + s[1]))
            q = per_rep["steady_probe_sdrinfo"]
            samples["steady_sdrinfo_incl_sensors"].append((q[0] + s[0], q[1] + s[1]))
            if rep < max(3, a.reps // 5):   # the resync is ~10 sessions: fewer reps suffice
                w = c = 0.0
                n = 0
                for b in resync_batches:
                    wall, cpu, rc, out = timed(base_args(a) + ["exec", b], env, a.timeout)
                    w += wall
                    c += cpu
                    n += count_sel_responses(out)
                samples["walker_full_resync"].append((w, c))
                checks["walker_resync_records"] = n
    finally:
        for f in [probe, probe_sdr, incr] + resync_batches:
            os.unlink(f)

    res = {k: summary(v) for k, v in samples.items()}
    full = res["full_elist"]

    def ratio(k):
        return {"wall": round(full["wall_median_ms"] / res[k]["wall_median_ms"], 1),
                "cpu": round(full["cpu_median_ms"] / max(res[k]["cpu_median_ms"], 0.1), 1)}

    doc = {
        "bmc": f"{a.host}:{a.port}", "sel_entries": entries, "last_record_id": last_id, "reps": a.reps,
        "ipmitool_base": " ".join(base_args(a)),
        "results": res,
        "full_elist_over": {k: ratio(k) for k in res if k != "full_elist"},
        "checks": checks,
    }
    doc["target_met_steady_probe_10x"] = doc["full_elist_over"]["steady_probe"]["wall"] >= 10 and \
        doc["full_elist_over"]["steady_probe"]["cpu"] >= 10
    print(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
