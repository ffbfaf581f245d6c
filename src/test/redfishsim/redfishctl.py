#!/usr/bin/env python3
"""Send commands to a running Redfish simulator's control port (loopback); see README.md.

  redfishctl.py [--host 127.0.0.1] --port 40124 'inject 3 Critical' 'fault delay 3000'
"""
import argparse
import sys
import urllib.request


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("cmds", nargs="+")
    a = ap.parse_args()
    if not a.host.startswith("127.") and a.host not in ("::1", "localhost"):
        sys.exit("loopback only")
    body = "\n".join(sys.stdin.read().splitlines() if a.cmds == ["-"] else a.cmds).encode()
    with urllib.request.urlopen("http://%s:%d/" % (a.host, a.port), data=body, timeout=10) as r:
        print(r.read().decode())


if __name__ == "__main__":
    main()
