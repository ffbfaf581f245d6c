#!/usr/bin/env python3
"""Issue 19: N Redfish simulators next to the IPMI fleet, polled by the running app at its own pace.

redfish-bench.sh starts PostgreSQL, the IPMI fleet (fleet.sh) and the app; this helper
  1. starts N redfishsim.py processes (one per BMC, loopback 127.<net>.<a>.<b>:8443, flavours dell/hpe/openbmc in
     turn, one shared certificate so that 300 key generations do not dominate the start), in batches with a bound;
  2. measures what the idle simulators cost (PSS, CPU while idle);
  3. registers the IPMI inventory and the Redfish sims (protocol redfish) through the API;
  4. waits (bounded) until every server has a first poll, then one interval (the tree surveys are done);
  5. measures a window: polls per 60 s by protocol and outcome (collection_run), CPU of the JVM (+ its ipmitool
     children), PostgreSQL, ipmi_sim and redfishsim processes from /proc, and the Redfish requests and bytes the
     sims served (their own counters) per Redfish poll;
  6. stops the sims it started (by PID, also on error).
JSON on stdout, progress on stderr.
"""
import argparse
import concurrent.futures
import csv
import glob
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

from fleetbench import Api, Db, children_of, proc_ticks   # bench/ is the script's directory, so on sys.path

FLAVOURS = ("dell", "hpe", "openbmc")


def log(msg):
    print(f"[redfishbench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def ticks(pid):
    """CPU seconds of one process itself."""
    return proc_ticks(pid)[0]


def pss_mb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Sims:
    def __init__(self, a):
        self.a, self.procs, self.hosts = a, [], []

    def host(self, i):
        return f"{self.a.net}.{1 + i // 200}.{1 + i % 200}"

    def start(self):
        os.makedirs(self.a.workdir, exist_ok=True)
        t0 = time.monotonic()
        for first in range(0, self.a.n, self.a.batch):
            batch = []
            for i in range(first, min(self.a.n, first + self.a.batch)):
                out = open(os.path.join(self.a.workdir, f"rf{i:03d}.out"), "w+")
                p = subprocess.Popen([sys.executable, self.a.sim, "--host", self.host(i), "--port", "8443",
                                      "--control-port", "9443", "--flavour", FLAVOURS[i % 3],
                                      "--log-entries", str(self.a.log_entries), "--cert", self.a.cert,
                                      "--key", self.a.key], stdout=out, stderr=subprocess.DEVNULL,
                                     stdin=subprocess.DEVNULL)
                self.procs.append(p)
                batch.append((i, out))
            deadline = time.monotonic() + 90
            for i, out in batch:
                while True:
                    out.seek(0)
                    if out.read().startswith("READY"):
                        break
                    if time.monotonic() > deadline or self.procs[i].poll() is not None:
                        raise SystemExit(f"redfishbench: sim {i} on {self.host(i)} did not start within 90 s")
                    time.sleep(0.1)
                self.hosts.append(self.host(i))
            if time.monotonic() - t0 > self.a.start_bound:
                raise SystemExit(f"redfishbench: {len(self.hosts)} sims after {self.a.start_bound} s, giving up")
        return round(time.monotonic() - t0, 1)

    def pids(self):
        return [p.pid for p in self.procs]

    def counters(self):
        def one(h):
            req = urllib.request.Request(f"http://{h}:9443/", data=b"stats", method="POST")
            with urllib.request.urlopen(req, timeout=20) as r:
                d = json.loads(r.read())
            return d["requests"], d["bytes_sent"]
        with concurrent.futures.ThreadPoolExecutor(8) as ex:
            rows = list(ex.map(one, self.hosts))
        return sum(r[0] for r in rows), sum(r[1] for r in rows)

    def stop(self):
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
        for p in self.procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()


def cpu(a, ipmi_pids, rf_pids):
    jvm, ipmitool = proc_ticks(a.jvm_pid)
    pm_self, pm_children = proc_ticks(a.postmaster_pid)
    pg = pm_self + pm_children + sum(ticks(p) for p in children_of(a.postmaster_pid))
    return {"jvm": jvm, "ipmitool": ipmitool, "postgres": pg, "ipmi_sims": sum(ticks(p) for p in ipmi_pids),
            "redfish_sims": sum(ticks(p) for p in rf_pids), "wall": time.monotonic()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--admin-pass", required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--net", default="127.198")
    ap.add_argument("--batch", type=int, default=25)
    ap.add_argument("--start-bound", type=int, default=300)
    ap.add_argument("--log-entries", type=int, default=1000)
    ap.add_argument("--sim", required=True)
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--inventory", required=True)
    ap.add_argument("--fleet-dir", required=True)
    ap.add_argument("--jvm-pid", type=int, required=True)
    ap.add_argument("--postmaster-pid", type=int, required=True)
    ap.add_argument("--window", type=int, default=180)
    ap.add_argument("--interval", type=int, default=60)
    ap.add_argument("--round-bound", type=int, default=300)
    ap.add_argument("--psql", required=True)
    ap.add_argument("--pgdata", required=True)
    ap.add_argument("--pgport", type=int, required=True)
    ap.add_argument("--pguser", required=True)
    ap.add_argument("--pgdb", required=True)
    a = ap.parse_args()
    api = Api(a.base, "admin", a.admin_pass)
    db = Db(a)
    ipmi_pids = []
    for p in glob.glob(os.path.join(a.fleet_dir, "*", "sim.pid")):
        with open(p) as f:
            ipmi_pids.append(int(f.read().strip()))
    with open(a.inventory) as f:
        inv = [r for r in csv.DictReader(f, delimiter="\t") if r["note"] != "unreachable"]
    result = {"ipmi_servers": len(inv), "redfish_servers": a.n, "window_s": a.window, "interval_s": a.interval,
              "log_entries": a.log_entries, "load_before": open("/proc/loadavg").read().split()[:3]}
    sims = Sims(a)
    try:
        log(f"starting {a.n} Redfish sims on {a.net}.x:8443 in batches of {a.batch}")
        result["redfish_sims_start_s"] = sims.start()
        time.sleep(5)
        c = [ticks(p) for p in sims.pids()]
        time.sleep(10)
        idle = sum(ticks(p) for p in sims.pids()) - sum(c)
        result["redfish_sims_idle"] = {"pss_mb_total": round(sum(pss_mb(p) for p in sims.pids())),
                                       "pss_mb_each": round(statistics.median(pss_mb(p) for p in sims.pids()), 1),
                                       "cpu_cores_idle": round(idle / 10, 3)}
        result["ipmi_sims_pss_mb_total"] = round(sum(pss_mb(p) for p in ipmi_pids))
        log(f"sims up in {result['redfish_sims_start_s']} s: {result['redfish_sims_idle']}")

        t_reg = time.time()
        bodies = [{"bmc_ip": r["host"], "port": int(r["port"]), "server_name": r["name"], "ipmi_user": r["user"],
                   "ipmi_pass": r["password"]} for r in inv]
        bodies += [{"bmc_ip": h, "port": 8443, "server_name": f"rf{i:03d}", "ipmi_user": "root",
                    "ipmi_pass": "calvin", "protocol": "redfish"} for i, h in enumerate(sims.hosts)]
        with concurrent.futures.ThreadPoolExecutor(4) as ex:
            bad = [s for s, _ in ex.map(lambda b: api.call("POST", "/api/servers/add", b, admin=True), bodies)
                   if s != 201]
        if bad:
            raise SystemExit(f"redfishbench: {len(bad)} registrations failed ({bad[:3]})")
        total = len(bodies)
        log(f"registered {total} servers; waiting for the first round (<= {a.round_bound} s)")
        t0 = time.monotonic()
        while True:
            polled = int(db.query("select count(distinct server_id) from collection_run")[0][0])
            if polled >= total:
                break
            if time.monotonic() - t0 > a.round_bound:
                result["first_round_incomplete"] = polled
                log(f"only {polled}/{total} polled after {a.round_bound} s; measuring anyway")
                break
            time.sleep(5)
        result["first_round_s"] = round(time.time() - t_reg, 1)
        log(f"first round done ({result['first_round_s']} s after registration); one interval of warm-up")
        time.sleep(a.interval)

        c0, r0, e0 = cpu(a, ipmi_pids, sims.pids()), sims.counters(), time.time()
        log(f"measuring {a.window} s")
        time.sleep(a.window)
        c1, r1, e1 = cpu(a, ipmi_pids, sims.pids()), sims.counters(), time.time()
        wall = c1["wall"] - c0["wall"]
        result["cpu_cores"] = {k: round((c1[k] - c0[k]) / wall, 3) for k in c0 if k != "wall"}
        result["cpu_cores"]["app_and_postgres"] = round(
            result["cpu_cores"]["jvm"] + result["cpu_cores"]["ipmitool"] + result["cpu_cores"]["postgres"], 3)
        rows = db.query("select s.protocol, r.outcome, count(*), percentile_cont(0.5) within group (order by "
                        "r.duration_ms), percentile_cont(0.9) within group (order by r.duration_ms) "
                        "from collection_run r join server s on s.id = r.server_id "
                        f"where r.started_at >= to_timestamp({e0:.3f}) and r.started_at < to_timestamp({e1:.3f}) "
                        "group by 1, 2 order by 1, 2")
        polls = {}
        for proto, outcome, n, p50, p90 in rows:
            polls.setdefault(proto, {})[outcome] = {"polls_per_60s": round(int(n) * 60 / (e1 - e0), 1),
                                                    "ms_median": float(p50), "ms_p90": float(p90)}
        result["polls"] = polls
        rf_ok = sum(int(r[2]) for r in rows if r[0] == "redfish" and r[1] == "OK")
        result["redfish_per_poll"] = {"requests": round((r1[0] - r0[0]) / max(1, rf_ok), 2),
                                      "bytes": round((r1[1] - r0[1]) / max(1, rf_ok)), "ok_polls": rf_ok}
        result["sim_cpu_ms_per_redfish_poll"] = round((c1["redfish_sims"] - c0["redfish_sims"]) * 1000
                                                      / max(1, rf_ok), 1)
        result["load_after"] = open("/proc/loadavg").read().split()[:3]
    finally:
        log("stopping the Redfish sims")
        sims.stop()
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
