#!/usr/bin/env python3
"""Part B: fleet throughput of the running app (registration -> first poll; POST /api/collect -> steady round).

The app, PostgreSQL and the simulated fleet are started by collection-bench.sh; this helper registers the
servers through the API, waits (bounded) for the two rounds and reads CPU from /proc:
  JVM utime+stime (the app) and cutime+cstime (its reaped children = every ipmitool it ran),
  ipmi_sim processes (the simulated BMCs), postmaster + backends (PostgreSQL).
Per-poll durations come from the app's own collection_run table (psql over the cluster's unix socket).
Prints a JSON document on stdout; progress on stderr.
"""
import argparse
import base64
import concurrent.futures
import csv
import glob
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

TICK = os.sysconf("SC_CLK_TCK")


def log(msg):
    print(f"[fleetbench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


class Api:
    def __init__(self, base, user, password):
        self.base = base
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def call(self, method, path, body=None, admin=False, timeout=60):
        data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if body is not None:
            req.add_header("Content-Type", "application/json")
        if admin:
            req.add_header("Authorization", self.auth)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def servers(self):
        status, body = self.call("GET", "/api/servers")
        if status != 200:
            raise RuntimeError(f"GET /api/servers -> {status}: {body[:200]}")
        doc = json.loads(body)
        return doc if isinstance(doc, list) else doc.get("servers", doc)


def proc_ticks(pid):
    """(self utime+stime, reaped children cutime+cstime) in seconds; (0, 0) if gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # fields[0] is state (field 3); utime=14 stime=15 cutime=16 cstime=17 -> index 11..14
        return (int(fields[11]) + int(fields[12])) / TICK, (int(fields[13]) + int(fields[14])) / TICK
    except (OSError, IndexError, ValueError):
        return 0.0, 0.0


def children_of(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], stdout=subprocess.PIPE, text=True).stdout
    return [int(x) for x in out.split()]


class CpuProbe:
    def __init__(self, jvm_pid, postmaster_pid, sim_pids):
        self.jvm, self.pm, self.sims = jvm_pid, postmaster_pid, sim_pids

    def sample(self):
        jvm_self, jvm_children = proc_ticks(self.jvm)
        pm_self, pm_children = proc_ticks(self.pm) if self.pm else (0.0, 0.0)
        backends = sum(proc_ticks(p)[0] for p in children_of(self.pm)) if self.pm else 0.0
        sims = sum(proc_ticks(p)[0] for p in self.sims)
        return {"jvm": jvm_self, "ipmitool": jvm_children, "postgres": pm_self + pm_children + backends,
                "sims": sims, "wall": time.monotonic()}

    @staticmethod
    def delta(a, b):
        d = {k: round(b[k] - a[k], 2) for k in a if k != "wall"}
        d["app_total"] = round(d["jvm"] + d["ipmitool"], 2)
        return d


class Db:
    def __init__(self, a):
        self.cmd = (["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []) + [
            a.psql, "-h", a.pgdata, "-p", str(a.pgport), "-U", a.pguser, "-d", a.pgdb, "-At", "-F", "\t", "-c"]

    def query(self, sql):
        p = subprocess.run(self.cmd + [sql], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
        if p.returncode != 0:
            raise RuntimeError(f"psql failed: {p.stderr.strip()}")
        return [line.split("\t") for line in p.stdout.splitlines() if line]

    def runs_since(self, epoch):
        rows = self.query(
            "select outcome, duration_ms, extract(epoch from started_at), new_events from collection_run "
            f"where started_at >= to_timestamp({epoch:.3f}) order by started_at")
        return [(r[0], int(r[1]), float(r[2]), int(r[3])) for r in rows]


def run_stats(runs, threads):
    if not runs:
        return {}
    durs = sorted(r[1] for r in runs)
    first = min(r[2] for r in runs)
    last_end = max(r[2] + r[1] / 1000 for r in runs)
    span = last_end - first
    outcomes = {}
    for r in runs:
        outcomes[r[0]] = outcomes.get(r[0], 0) + 1
    busy = sum(durs) / 1000
    return {"polls": len(runs), "outcomes": outcomes,
            "poll_ms_median": statistics.median(durs), "poll_ms_p90": durs[int(0.9 * (len(durs) - 1))],
            "poll_ms_max": durs[-1], "new_events_stored": sum(r[3] for r in runs),
            "db_span_s": round(span, 1), "db_servers_per_s": round(len(runs) / span, 2) if span > 0 else None,
            "collector_busy_s": round(busy, 1),
            "thread_utilisation": round(busy / (threads * span), 2) if span > 0 else None}


def sustained(a, db, cpu, n):
    """Polling at the app's own pace (POLL_INTERVAL = a.interval) for a.sustain seconds, after one interval of
    warm-up: polls per 60 s, CPU cores used (app = JVM + its ipmitool children, PostgreSQL; the sims are the BMCs'
    side), and how regularly each server was polled (gaps between the starts of its consecutive polls)."""
    log(f"sustained: warm-up of {a.interval:.0f} s at POLL_INTERVAL={a.interval:.0f}")
    time.sleep(a.interval)
    if a.pgss:
        db.query("select pg_stat_statements_reset()")
    c0 = cpu.sample()
    t0 = time.time()
    time.sleep(a.sustain)
    c1 = cpu.sample()
    t1 = time.time()
    if a.pgss:
        with open(a.pgss, "w") as f:
            for r in db.query("select calls, rows, round(total_exec_time::numeric, 1), "
                              "regexp_replace(left(query, 160), '\\s+', ' ', 'g') from pg_stat_statements "
                              "order by calls desc limit 40"):
                f.write("\t".join(r) + "\n")
    window = t1 - t0
    runs = [r for r in db.runs_since(t0) if r[2] < t1]
    starts = db.query("select server_id, extract(epoch from started_at) from collection_run "
                      f"where started_at >= to_timestamp({t0 - 2 * a.interval:.3f}) and started_at < to_timestamp({t1:.3f})"
                      " order by server_id, started_at")
    gaps, last = [], {}
    for server, at in ((r[0], float(r[1])) for r in starts):
        if server in last and at >= t0:
            gaps.append(at - last[server])
        last[server] = at
    gaps.sort()
    polled = {r[0] for r in db.query("select distinct server_id from collection_run where started_at >= "
                                     f"to_timestamp({t0:.3f}) and started_at < to_timestamp({t1:.3f})")}
    d = CpuProbe.delta(c0, c1)
    outcomes = {}
    for r in runs:
        outcomes[r[0]] = outcomes.get(r[0], 0) + 1
    return {"poll_interval_s": a.interval, "window_s": round(window, 1), "polls": len(runs),
            "polls_per_60s": round(len(runs) * 60 / window, 1), "servers_polled": len(polled), "servers": n,
            "outcomes": outcomes, "cpu_s": d,
            "cores": {"app": round(d["app_total"] / window, 3), "postgres": round(d["postgres"] / window, 3),
                      "app_and_postgres": round((d["app_total"] + d["postgres"]) / window, 3),
                      "sims": round(d["sims"] / window, 3)},
            "gap_s": {"median": round(statistics.median(gaps), 1) if gaps else None,
                      "p99": round(gaps[int(0.99 * (len(gaps) - 1))], 1) if gaps else None,
                      "max": round(gaps[-1], 1) if gaps else None},
            "poll_ms_median": statistics.median(r[1] for r in runs) if runs else None,
            # CPU of one poll, whole process tree: JVM, its ipmitool children, PostgreSQL (sims: the BMCs' side)
            "cpu_ms_per_poll": {k: round(d[k] * 1000 / len(runs), 1) if runs else None
                                for k in ("jvm", "ipmitool", "postgres", "sims")}
                               | {"total": round((d["app_total"] + d["postgres"]) * 1000 / len(runs), 1) if runs else None}}


def idle(a, db, cpu, n):
    """JVM and PostgreSQL CPU while no poll runs (issue 18: <= 0.05 cores between polls with 1,000 servers): every
    server's last attempt is moved an hour ahead, so none is due; after the polls under way ended (--idle-settle s),
    a.idle seconds are measured. The servers stay registered and enabled, the dashboard's data as it was."""
    db.query("update server_status set last_attempt_at = now() + interval '1 hour'")
    log(f"idle: no server due; settling {a.idle_settle:.0f} s, then {a.idle:.0f} s measured")
    time.sleep(a.idle_settle)
    c0 = cpu.sample()
    t0 = time.time()
    time.sleep(a.idle)
    c1 = cpu.sample()
    window = time.time() - t0
    polls = len([r for r in db.runs_since(t0)])
    d = CpuProbe.delta(c0, c1)
    return {"window_s": round(window, 1), "servers": n, "polls_started_in_window": polls, "cpu_s": d,
            "cores": {k: round(d[k] / window, 4) for k in ("jvm", "ipmitool", "postgres", "sims")}}


def wait_until(pred, bound_s, what, every=2.0):
    deadline = time.monotonic() + bound_s
    last_log = 0.0
    while True:
        done, info = pred()
        if done:
            return True
        now = time.monotonic()
        if now > deadline:
            log(f"TIMEOUT after {bound_s:.0f} s waiting for {what} ({info})")
            return False
        if now - last_log > 15:
            log(f"waiting for {what}: {info}")
            last_log = now
        time.sleep(every)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:18299")
    ap.add_argument("--admin-pass", default="bench")
    ap.add_argument("--inventory", required=True)
    ap.add_argument("--fleet-dir", required=True)
    ap.add_argument("--jvm-pid", type=int, required=True)
    ap.add_argument("--postmaster-pid", type=int, default=0)
    ap.add_argument("--threads", type=int, default=10)
    ap.add_argument("--psql", default="/usr/lib/postgresql/15/bin/psql")
    ap.add_argument("--pgdata", required=True)
    ap.add_argument("--pgport", type=int, default=55499)
    ap.add_argument("--pguser", default="bench")
    ap.add_argument("--pgdb", default="ipmibench")
    ap.add_argument("--round-timeout", type=float, default=0, help="seconds per round (0: from fleet size)")
    ap.add_argument("--sustain", type=float, default=0,
                    help="instead of round 2: after the first round and one poll interval of warm-up, measure this many"
                         " seconds of polling at the app's own POLL_INTERVAL (--interval)")
    ap.add_argument("--first-only", action="store_true", help="round 1 only (the first full read), no round 2")
    ap.add_argument("--interval", type=float, default=60, help="the app's POLL_INTERVAL, for --sustain")
    ap.add_argument("--idle", type=float, default=0,
                    help="after --sustain: seconds of JVM/PostgreSQL CPU measured with no server due (see idle())")
    ap.add_argument("--idle-settle", type=float, default=15, help="seconds for polls under way to end before --idle")
    ap.add_argument("--pgss", default="", help="with pg_stat_statements loaded: statements of the --sustain window"
                                                " written to this file (calls, rows, ms, query)")
    a = ap.parse_args()

    api = Api(a.base, "admin", a.admin_pass)
    db = Db(a)
    with open(a.inventory) as f:
        inv = [r for r in csv.DictReader(f, delimiter="\t") if r["note"] != "unreachable"]
    n = len(inv)
    sim_pids = []
    for p in glob.glob(os.path.join(a.fleet_dir, "*", "sim.pid")):
        with open(p) as f:
            sim_pids.append(int(f.read().strip()))
    cpu = CpuProbe(a.jvm_pid, a.postmaster_pid, sim_pids)
    # the scheduler hands out at most THREADS polls per 5 s tick: allow 3x that pace plus slack
    bound = a.round_timeout or (180 + 3 * 5 * n / a.threads)
    result = {"servers": n, "collector_threads": a.threads, "round_timeout_s": bound}

    # ---- round 1: registration -> every server has a first outcome ----
    c0 = cpu.sample()
    t0_epoch = time.time()
    t0 = time.monotonic()

    def register(row):
        body = {"bmc_ip": row["host"], "port": int(row["port"]), "server_name": row["name"],
                "ipmi_user": row["user"], "ipmi_pass": row["password"]}
        return row["name"], *api.call("POST", "/api/servers/add", body, admin=True)

    with concurrent.futures.ThreadPoolExecutor(4) as ex:
        bad = [(name, s, b[:200]) for name, s, b in ex.map(register, inv) if s != 201]
    t_reg = time.monotonic() - t0
    if bad:
        sys.exit(f"fleetbench: registration failed for {len(bad)} servers, e.g. {bad[:3]}")
    log(f"registered {n} servers in {t_reg:.1f} s")

    def first_done():
        s = api.servers()
        pending = [x for x in s if x.get("last_outcome") is None]
        return len(s) >= n and not pending, f"{n - len(pending)}/{n} with an outcome"

    ok1 = wait_until(first_done, bound, "first outcome of every server")
    t1 = time.monotonic() - t0
    c1 = cpu.sample()
    snap = {x["bmc_ip"]: x for x in api.servers()}
    out1 = {}
    for x in snap.values():
        out1[x["last_outcome"]] = out1.get(x["last_outcome"], 0) + 1
    result["round1_first_poll"] = {
        "completed": ok1, "registration_s": round(t_reg, 1), "elapsed_s": round(t1, 1),
        "servers_per_s": round(n / t1, 2), "outcomes": out1, "cpu_s": CpuProbe.delta(c0, c1),
        "sel_entries_total": sum(x.get("sel_entries") or 0 for x in snap.values()),
        "events_stored_total": sum(x.get("total_count") or 0 for x in snap.values()),
        "collection_run": run_stats(db.runs_since(t0_epoch), a.threads)}
    log(f"round 1: {json.dumps(result['round1_first_poll'])}")
    if a.first_only:
        r1 = result["round1_first_poll"]
        c = r1["cpu_s"]
        stored = r1["collection_run"].get("new_events_stored", 0)
        # the measure: CPU of the whole process tree (JVM, ipmitool, PostgreSQL) per stored record
        r1["cpu_ms_per_stored_record"] = round((c["app_total"] + c["postgres"]) * 1000 / stored, 3) if stored else None
        print(json.dumps(result, indent=2))
        return
    if a.sustain > 0:
        if a.pgss:
            db.query("create extension if not exists pg_stat_statements")
        result["sustained"] = sustained(a, db, cpu, n)
        log(f"sustained: {json.dumps(result['sustained'])}")
        if a.idle > 0:
            result["idle"] = idle(a, db, cpu, n)
            log(f"idle: {json.dumps(result['idle'])}")
        print(json.dumps(result, indent=2))
        return

    # ---- round 2: POST /api/collect -> every server polled again (SEL unchanged) ----
    time.sleep(6)   # let the last round-1 polls finish their DB writes and a tick pass
    before = {ip: (x.get("last_success"), x.get("last_check")) for ip, x in ((x["bmc_ip"], x) for x in api.servers())}
    c2 = cpu.sample()
    t2_epoch = time.time()
    t2 = time.monotonic()
    status, body = api.call("POST", "/api/collect", admin=True)
    if status not in (200, 202):
        sys.exit(f"fleetbench: POST /api/collect -> {status}: {body[:200]}")

    def second_done():
        pending = 0
        for x in api.servers():
            ls, lc = before.get(x["bmc_ip"], (None, None))
            if ls is not None:          # had a success: wait for a new one
                pending += x.get("last_success") == ls
            else:                       # never succeeded (wrong password...): wait for a new attempt outcome
                pending += x.get("last_check") in (None, lc)
        return pending == 0, f"{n - pending}/{n} polled again"

    ok2 = wait_until(second_done, bound, "second poll of every server")
    t3 = time.monotonic() - t2
    c3 = cpu.sample()
    out2 = {}
    for x in api.servers():
        out2[x["last_outcome"]] = out2.get(x["last_outcome"], 0) + 1
    time.sleep(1)
    result["round2_steady_state"] = {
        "completed": ok2, "elapsed_s": round(t3, 1), "servers_per_s": round(n / t3, 2), "outcomes": out2,
        "cpu_s": CpuProbe.delta(c2, c3), "collection_run": run_stats(db.runs_since(t2_epoch), a.threads)}
    log(f"round 2: {json.dumps(result['round2_steady_state'])}")
    try:
        with open(f"/proc/{a.jvm_pid}/status") as f:
            result["jvm_vmhwm_kb"] = int(next(l for l in f if l.startswith("VmHWM")).split()[1])
    except (OSError, StopIteration):
        pass
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
