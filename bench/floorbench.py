#!/usr/bin/env python3
"""floorbench.py - CPU per ipmitool session against one simulated BMC: the one-session floor (issue 18).

Runs each variant --reps times, interleaved round-robin, and reads each run's own CPU (user+sys) from os.wait4's
rusage: the ipmitool process alone, not the sim. HOME must hold the trimmed enterprise-numbers file (as the app's
ipmitool HOME does); IPMI_PASSWORD comes from the environment (-E), never the command line.

  floorbench.py --host 127.97.0.2 --port 6230 --home DIR --workdir DIR [--reps 30] > floor.json
"""
import argparse, json, os, statistics, subprocess, time


def run(argv, env):
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return (time.perf_counter() - t0) * 1000, (ru.ru_utime + ru.ru_stime) * 1000, p.returncode, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", required=True)
    ap.add_argument("--port", default="6230")
    ap.add_argument("--user", default="admin")
    ap.add_argument("--home", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--reps", type=int, default=30)
    a = ap.parse_args()
    env = dict(os.environ, HOME=a.home)
    os.makedirs(a.workdir, exist_ok=True)
    base = ["ipmitool", "-I", "lanplus", "-H", a.host, "-p", a.port, "-U", a.user, "-E", "-C", "3", "-N", "1", "-R", "1"]
    probe = os.path.join(a.workdir, "probe.txt")
    steady = os.path.join(a.workdir, "steady.txt")
    cache = os.path.join(a.workdir, "sdr.cache")
    with open(probe, "w") as f:
        f.write("power status\nsdr info\nsel info\n")
    with open(steady, "w") as f:
        f.write("power status\nsdr info\nsel info\nsdr elist\n")
    run(base + ["sdr", "dump", cache], env)
    variants = {
        "sel_info": base + ["sel", "info"],
        "probe_main (-v exec power status+sdr info+sel info)": base + ["-v", "exec", probe],
        "sensor (main's second run)": base + ["sensor"],
        "steady_new (-v -S cache exec probe+sdr elist)": base + ["-v", "-S", cache, "exec", steady],
        # issue 18, later: the steady-state poll without -v (plain sdr elist; -v only to classify a failed session)
        "steady_quiet (-S cache exec probe+sdr elist)": base + ["-S", cache, "exec", steady],
    }
    samples = {k: [] for k in variants}
    for _ in range(a.reps):
        for name, argv in variants.items():
            wall, cpu, rc, out = run(argv, env)
            samples[name].append((wall, cpu, rc, len(out)))
    result = {"host": a.host, "reps": a.reps, "load": open("/proc/loadavg").read().split()[:3], "variants": {}}
    for name, s in samples.items():
        result["variants"][name] = {
            "wall_ms_median": round(statistics.median(x[0] for x in s), 1),
            "cpu_ms_median": round(statistics.median(x[1] for x in s), 1),
            "cpu_ms_mean": round(statistics.mean(x[1] for x in s), 1),
            "failed_runs": sum(1 for x in s if x[2] != 0), "stdout_bytes": s[-1][3]}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
