#!/usr/bin/env python3
"""Capture the JSON fixtures of the Java mapping tests from this simulator (one directory per flavour).

  capture.py [--out src/test/resources/redfish]

Starts each flavour on 127.98.255.1 with a 60-entry log (2 pages of 50), logs in through SessionService,
walks the tree the way the client does and writes each answer, pretty-printed, as <out>/<flavour>/<name>.json.
"""
import argparse
import json
import os
import ssl
import subprocess
import sys
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "..", "resources", "redfish"))
    a = ap.parse_args()
    for flavour in ("dell", "hpe", "openbmc"):
        capture(flavour, os.path.join(a.out, flavour))


def capture(flavour, out):
    os.makedirs(out, exist_ok=True)
    sim = subprocess.Popen([sys.executable, os.path.join(HERE, "redfishsim.py"), "--host", "127.98.255.1",
                            "--flavour", flavour, "--log-entries", "60", "--exit-with-stdin"],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ready = dict(kv.split("=") for kv in sim.stdout.readline().split()[1:])
        base = "https://127.98.255.1:%s" % ready["https"]
        ctx = ssl.create_default_context()
        ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE  # a capture tool against our own simulator
        login = urllib.request.Request(base + "/redfish/v1/SessionService/Sessions", method="POST",
                                       data=json.dumps({"UserName": "root", "Password": "calvin"}).encode(),
                                       headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(login, context=ctx) as r:
            token, location = r.headers["X-Auth-Token"], r.headers["Location"]

        def get(path, name):
            req = urllib.request.Request(base + path, headers={"X-Auth-Token": token})
            with urllib.request.urlopen(req, context=ctx) as r:
                body = json.loads(r.read())
            with open(os.path.join(out, name + ".json"), "w") as f:
                json.dump(body, f, indent=2)
                f.write("\n")
            return body

        root = get("/redfish/v1/", "service-root")
        for kind in ("Systems", "Chassis", "Managers"):
            coll = get(root[kind]["@odata.id"], kind.lower())
            for i, m in enumerate(coll["Members"], 1):
                single = {"Systems": "system", "Chassis": "chassis", "Managers": "manager"}[kind]
                res = get(m["@odata.id"], "%s-%d" % (single, i))
                if kind == "Chassis":
                    get(res["Thermal"]["@odata.id"], "thermal-%d" % i)
                    get(res["Power"]["@odata.id"], "power-%d" % i)
                    if "Sensors" in res:
                        sensors = get(res["Sensors"]["@odata.id"], "sensors-%d" % i)
                        for s in sensors["Members"]:
                            get(s["@odata.id"], "sensor-%d-%s" % (i, s["@odata.id"].rstrip("/").split("/")[-1]))
                if "LogServices" in res:
                    services = get(res["LogServices"]["@odata.id"], "logservices-%s-%d" % (kind.lower(), i))
                    for s in services["Members"]:
                        name = s["@odata.id"].rstrip("/").split("/")[-1]
                        owner = "%s-%d-%s" % (kind.lower(), i, name)
                        svc = get(s["@odata.id"], "logservice-" + owner)
                        page = get(svc["Entries"]["@odata.id"], "entries-%s-page1" % owner)
                        if "Members@odata.nextLink" in page:
                            get(page["Members@odata.nextLink"], "entries-%s-page2" % owner)
        urllib.request.urlopen(urllib.request.Request(base + location, method="DELETE",
                                                      headers={"X-Auth-Token": token}), context=ctx).close()
    finally:
        sim.stdin.close()
        sim.wait(timeout=10)


if __name__ == "__main__":
    main()
