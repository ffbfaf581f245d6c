#!/usr/bin/env python3
"""A Redfish BMC simulator over HTTPS, shaped like the DMTF public mockups (standard library only).

Loopback only. Prints one line "READY https=<port> control=<port> fingerprint=<sha256>" on stdout once it
serves, so a harness can start it with port 0 and read the ports it got. See README.md beside this file.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import simdata

ROOT = "/redfish/v1"


def loopback(host):
    return host.startswith("127.") or host in ("::1", "localhost")


def make_cert(directory, name):
    """A fresh self-signed certificate, as a BMC makes for itself on first boot."""
    cert, key = os.path.join(directory, name + ".crt"), os.path.join(directory, name + ".key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                    "-subj", "/CN=redfish-sim-" + name, "-keyout", key, "-out", cert],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


def fingerprint(cert_file):
    with open(cert_file) as f:
        der = ssl.PEM_cert_to_DER_cert(f.read())
    return hashlib.sha256(der).hexdigest()


class Faults:
    def __init__(self):
        self.delay_ms, self.delay_path = 0, ROOT
        self.status, self.status_path = 0, None
        self.badjson_path = None
        self.reject_auth = False
        self.drop_path = None

    def clear(self):
        self.__init__()


class Bmc:
    """The whole simulated service: resources, log, sessions, faults. One lock guards it."""

    def __init__(self, args, cert_dir):
        self.args = args
        self.lock = threading.RLock()
        self.flavour = simdata.FLAVOURS[args.flavour]
        self.rng = random.Random(args.seed)
        self.faults = Faults()
        self.honour_top_skip = not args.ignore_top_skip
        self.sessions = {}  # token -> {"id", "user", "expires"}
        self.stats = {"sessions_created": 0, "sessions_deleted": 0, "sessions_expired": 0, "basic_logins": 0,
                      "auth_failures": 0, "requests": 0, "bytes_sent": 0, "log_clears": 0}
        self.power = {s: "On" for s in self.flavour["systems"]}
        self.health = {s: "OK" for s in self.flavour["systems"]}
        self.sensors = simdata.sensors(self.rng)
        self.cert_dir, self.cert_serial = cert_dir, 0
        self.entries, self.next_number = [], 1
        start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=args.log_entries + 1)
        for i in range(args.log_entries):
            self.add_entry(start + timedelta(minutes=i))

    # --- log ---------------------------------------------------------------------------------------
    def add_entry(self, created, severity=None, message=None, cleared=None):
        number = self.next_number
        self.next_number += 1
        entry = simdata.log_entry(self.flavour, number, created, self.rng, severity, message, cleared)
        if self.flavour["newest_first"]:
            self.entries.insert(0, entry)
        else:
            self.entries.append(entry)
        return entry

    def clear_log(self):
        self.entries = []
        self.stats["log_clears"] += 1
        if self.flavour["clear_leaves_entry"]:
            self.add_entry(datetime.now(timezone.utc).replace(microsecond=0), "OK", "The log was cleared.")

    # --- sessions ----------------------------------------------------------------------------------
    def login(self, user, password):
        if self.faults.reject_auth or user != self.args.user or password != self.args.password:
            self.stats["auth_failures"] += 1
            return None
        token = uuid.uuid4().hex
        sid = uuid.uuid4().hex[:12]
        self.sessions[token] = {"id": sid, "user": user, "expires": time.time() + self.args.session_timeout}
        self.stats["sessions_created"] += 1
        return token, sid

    def authorised(self, headers):
        token = headers.get("X-Auth-Token")
        if token:
            s = self.sessions.get(token)
            if s is None:
                return False
            if s["expires"] < time.time():
                del self.sessions[token]
                self.stats["sessions_expired"] += 1
                return False
            s["expires"] = time.time() + self.args.session_timeout  # idle timeout, as real services do
            return not self.faults.reject_auth
        auth = headers.get("Authorization", "")
        if auth.startswith("Basic ") and not self.args.no_basic:
            import base64
            try:
                user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            except ValueError:
                return False
            ok = not self.faults.reject_auth and user == self.args.user and password == self.args.password
            self.stats["basic_logins" if ok else "auth_failures"] += 1
            return ok
        return False

    def delete_session(self, sid):
        for token, s in list(self.sessions.items()):
            if s["id"] == sid:
                del self.sessions[token]
                self.stats["sessions_deleted"] += 1
                return True
        return False

    # --- resources ---------------------------------------------------------------------------------
    def resource(self, path, query):
        """The JSON of a GET, or None (404)."""
        f = self.flavour
        if path == ROOT:
            return simdata.service_root(f, self.honour_top_skip)
        if path == ROOT + "/SessionService":
            return simdata.session_service(f, self.args.session_timeout)
        if path == ROOT + "/SessionService/Sessions":
            return simdata.collection(f, "SessionService/Sessions", [s["id"] for s in self.sessions.values()],
                                      "Session Collection")
        for kind in ("Systems", "Chassis", "Managers"):
            if path == ROOT + "/" + kind:
                return simdata.collection(f, kind, f[kind.lower()], kind + " Collection")
        parts = path[len(ROOT) + 1:].split("/")
        if len(parts) >= 2 and parts[0] == "Systems" and parts[1] in f["systems"]:
            return self.system_resource(parts[1], parts[2:], query)
        if len(parts) >= 2 and parts[0] == "Chassis" and parts[1] in f["chassis"]:
            return simdata.chassis_resource(f, parts[1], parts[2:], self.sensors)
        if len(parts) >= 2 and parts[0] == "Managers" and parts[1] in f["managers"]:
            return self.manager_resource(parts[1], parts[2:], query)
        return None

    def system_resource(self, sid, rest, query):
        if not rest:
            return simdata.system(self.flavour, sid, self.power[sid], self.health[sid])
        return self.log_resource("Systems", sid, rest, query)

    def manager_resource(self, mid, rest, query):
        if not rest:
            return simdata.manager(self.flavour, mid)
        return self.log_resource("Managers", mid, rest, query)

    def log_resource(self, kind, owner, rest, query):
        f = self.flavour
        base = "%s/%s/%s" % (ROOT, kind, owner)
        services = f["log_services"].get((kind, owner), [])
        if rest == ["LogServices"]:
            return simdata.collection(f, "%s/%s/LogServices" % (kind, owner), services, "Log Service Collection")
        if len(rest) < 2 or rest[0] != "LogServices" or rest[1] not in services:
            return None
        main = (kind, owner, rest[1]) == f["main_log"]
        entries = self.entries if main else []
        if len(rest) == 2:
            return simdata.log_service(f, base, rest[1], len(entries))
        if rest[2:] == ["Entries"]:
            return self.entries_page(base + "/LogServices/" + rest[1] + "/Entries", entries, query)
        if len(rest) == 4 and rest[2] == "Entries":
            for e in entries:
                if e["Id"] == rest[3]:
                    return e
        return None

    def entries_page(self, odata_id, entries, query):
        size = self.args.page_size
        if self.honour_top_skip:
            skip = int(query.get("$skip", ["0"])[0])
            top = int(query["$top"][0]) if "$top" in query else None
            window = entries[skip:] if top is None else entries[skip:skip + top]
            page = window[:size]
            more = len(window) > size
            nxt = {"$skip": skip + size} if top is None else {"$skip": skip + size, "$top": top - size}
        else:
            # $top/$skip ignored; paging by an opaque token, as services without TopSkipQuery do
            skip = int(query.get("$skiptoken", ["0"])[0])
            page = entries[skip:skip + size]
            more = skip + size < len(entries)
            nxt = {"$skiptoken": skip + size}
        odata_id = simdata.oid(self.flavour, odata_id)
        body = {"@odata.id": odata_id, "@odata.type": "#LogEntryCollection.LogEntryCollection",
                "Name": "Log Entry Collection", "Members@odata.count": len(entries), "Members": page}
        if more:
            body["Members@odata.nextLink"] = odata_id + "?" + "&".join("%s=%d" % kv for kv in nxt.items())
        return body

    def action(self, path, body):
        """POST actions; returns (status, json)."""
        if path.endswith("/Actions/LogService.ClearLog"):
            parts = path[len(ROOT) + 1:].split("/")
            if len(parts) >= 4 and (parts[0], parts[1], parts[3]) == self.flavour["main_log"]:
                self.clear_log()
                return 200, simdata.success()
            return 404, simdata.error("Base.1.8.ResourceMissingAtURI", "No such log service")
        if path.endswith("/Actions/ComputerSystem.Reset"):
            sid = path[len(ROOT) + 1:].split("/")[1]
            if sid in self.power:
                kind = (body or {}).get("ResetType", "On")
                self.power[sid] = "Off" if kind in ("ForceOff", "GracefulShutdown") else "On"
                return 200, simdata.success()
        return 404, simdata.error("Base.1.8.ResourceMissingAtURI", "No such action")

    # --- control console ---------------------------------------------------------------------------
    def command(self, line):
        words = line.split()
        if not words:
            return {"ok": True}
        cmd, a = words[0], words[1:]
        with self.lock:
            if cmd == "stats":
                return dict(self.stats, sessions_active=len(self.sessions), log_entries=len(self.entries),
                            fingerprint=fingerprint(self.cert[0]), top_skip=self.honour_top_skip)
            if cmd == "inject":
                count = int(a[0]) if a else 1
                sev = a[1] if len(a) > 1 else None
                msg = " ".join(a[2:]) or None
                now = datetime.now(timezone.utc).replace(microsecond=0)
                ids = [self.add_entry(now, sev, msg)["Id"] for _ in range(count)]
                return {"ok": True, "ids": ids}
            if cmd == "clear":
                self.clear_log()
                return {"ok": True}
            if cmd == "sensor":
                if a[0] not in self.sensors:
                    return {"ok": False, "error": "no sensor " + a[0], "sensors": sorted(self.sensors)}
                self.sensors[a[0]]["reading"] = float(a[1])
                return {"ok": True}
            if cmd in ("power", "health"):
                states = self.power if cmd == "power" else self.health
                for s in a[1:] or list(states):
                    if s not in states:
                        return {"ok": False, "error": "no system " + s}
                    states[s] = a[0]
                return {"ok": True}
            if cmd == "swap-cert":
                self.load_cert(*make_cert(self.cert_dir, "swap%d" % (self.cert_serial + 1)))
                return {"ok": True, "fingerprint": fingerprint(self.cert[0])}
            if cmd == "expire-sessions":
                for s in self.sessions.values():
                    s["expires"] = 0
                return {"ok": True}
            if cmd == "topskip":
                self.honour_top_skip = a[0] == "on"
                return {"ok": True}
            if cmd == "fault":
                return self.fault(a)
        return {"ok": False, "error": "unknown command " + cmd}

    def fault(self, a):
        f = self.faults
        kind = a[0] if a else ""
        path = a[2] if len(a) > 2 else ROOT
        if kind == "clear":
            f.clear()
        elif kind == "delay":
            f.delay_ms, f.delay_path = int(a[1]), path
        elif kind == "status":
            f.status, f.status_path = int(a[1]), path
        elif kind == "badjson":
            f.badjson_path = a[1] if len(a) > 1 else ROOT
        elif kind == "reject-auth":
            f.reject_auth = a[1] == "on"
        elif kind == "drop":
            f.drop_path = a[1] if len(a) > 1 else ROOT
        else:
            return {"ok": False, "error": "unknown fault " + kind}
        return {"ok": True}

    # --- TLS ---------------------------------------------------------------------------------------
    def load_cert(self, cert, key):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        self.cert, self.ssl_context = (cert, key), ctx
        self.cert_serial += 1


def redfish_handler(bmc):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive
        server_version = "RedfishSim/1.0"

        def log_message(self, fmt, *args):
            if bmc.args.verbose:
                sys.stderr.write("redfishsim: " + fmt % args + "\n")

        def send_json(self, status, obj, headers=None):
            f = bmc.faults
            raw = json.dumps(obj, indent=None, separators=(",", ":")).encode()
            if f.badjson_path and self.path.startswith(f.badjson_path):
                raw = raw[: max(1, len(raw) // 2)] + b"<html>oops"
            self.send_response(status)
            self.send_header("Content-Type", "application/json;charset=utf-8")
            self.send_header("OData-Version", "4.0")
            self.send_header("Content-Length", str(len(raw)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(raw)
            with bmc.lock:
                bmc.stats["bytes_sent"] += len(raw)

        def prelude(self):
            """Faults that hit before any answer; True when the request is done with."""
            f = bmc.faults
            with bmc.lock:
                bmc.stats["requests"] += 1
            if f.drop_path and self.path.startswith(f.drop_path):
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return True
            if f.delay_ms and self.path.startswith(f.delay_path):
                time.sleep(f.delay_ms / 1000.0)
            if f.status and f.status_path and self.path.startswith(f.status_path):
                self.send_json(f.status, simdata.error("Base.1.8.InternalError", "Simulated failure"))
                return True
            return False

        def body(self):
            n = int(self.headers.get("Content-Length") or 0)
            if not n:
                return None
            try:
                return json.loads(self.rfile.read(n))
            except ValueError:
                return None

        def unauthorised(self):
            self.send_json(401, simdata.error("Base.1.8.NoValidSession", "No valid session"),
                           {"WWW-Authenticate": 'Basic realm="RedfishService"'})

        def do_GET(self):
            if self.prelude():
                return
            url = urlsplit(self.path)
            path = url.path.rstrip("/") or "/"
            if path == "/redfish":
                return self.send_json(200, {"v1": ROOT + "/"})
            with bmc.lock:
                public = path in (ROOT, ROOT + "/odata")
                if not public and not bmc.authorised(self.headers):
                    return self.unauthorised()
                obj = bmc.resource(path, parse_qs(url.query))
            if obj is None:
                return self.send_json(404, simdata.error("Base.1.8.ResourceMissingAtURI", "Not found: " + path))
            self.send_json(200, obj)

        def do_POST(self):
            if self.prelude():
                return
            path = urlsplit(self.path).path.rstrip("/")
            body = self.body()
            with bmc.lock:
                if path == ROOT + "/SessionService/Sessions":
                    if not isinstance(body, dict):
                        return self.send_json(400, simdata.error("Base.1.8.MalformedJSON", "Bad body"))
                    made = bmc.login(body.get("UserName"), body.get("Password"))
                    if made is None:
                        return self.unauthorised()
                    token, sid = made
                    location = ROOT + "/SessionService/Sessions/" + sid
                    return self.send_json(201, simdata.session(sid, body.get("UserName")),
                                          {"X-Auth-Token": token, "Location": location})
                if not bmc.authorised(self.headers):
                    return self.unauthorised()
                status, obj = bmc.action(path, body)
            self.send_json(status, obj)

        def do_DELETE(self):
            if self.prelude():
                return
            path = urlsplit(self.path).path.rstrip("/")
            with bmc.lock:
                if not bmc.authorised(self.headers):
                    return self.unauthorised()
                prefix = ROOT + "/SessionService/Sessions/"
                if path.startswith(prefix) and bmc.delete_session(path[len(prefix):]):
                    return self.send_json(200, simdata.success())
            self.send_json(404, simdata.error("Base.1.8.ResourceMissingAtURI", "Not found"))

    return Handler


def control_handler(bmc):
    class Control(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):
            pass

        def do_POST(self):
            n = int(self.headers.get("Content-Length") or 0)
            lines = self.rfile.read(n).decode().splitlines()
            results = [bmc.command(line) for line in lines if line.strip() and not line.startswith("#")]
            raw = json.dumps(results[0] if len(results) == 1 else results).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def do_GET(self):
            raw = json.dumps(bmc.command("stats")).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

    return Control


class TlsServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, address, handler, bmc):
        self.bmc = bmc
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, handler)

    def get_request(self):
        sock, addr = self.socket.accept()
        # headers and body go out in two writes: without this, Nagle and delayed ACKs add 40 ms to each answer
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # wrapped with the certificate of the moment (swap-cert); the handshake runs in the handler's thread
        return self.bmc.ssl_context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), addr

    def handle_error(self, request, client_address):
        if self.bmc.args.verbose:
            super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="HTTPS port (0: any free one)")
    ap.add_argument("--control-port", type=int, default=0, help="plain HTTP control port on --host (0: any)")
    ap.add_argument("--flavour", choices=sorted(simdata.FLAVOURS), default="dell")
    ap.add_argument("--user", default="root")
    ap.add_argument("--password", default="calvin")
    ap.add_argument("--password-file", help="read the password from this file instead")
    ap.add_argument("--log-entries", type=int, default=5000)
    ap.add_argument("--page-size", type=int, default=50)
    ap.add_argument("--ignore-top-skip", action="store_true",
                    help="ignore $top/$skip, page with $skiptoken, no ProtocolFeaturesSupported")
    ap.add_argument("--session-timeout", type=int, default=1800, help="idle seconds before a session expires")
    ap.add_argument("--no-basic", action="store_true", help="refuse Basic authentication")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--exit-with-stdin", action="store_true", help="stop when stdin closes (test harnesses)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not loopback(args.host):
        sys.exit("loopback only")
    if args.password_file:
        with open(args.password_file) as f:
            args.password = f.read().strip()
    cert_dir = tempfile.mkdtemp(prefix="redfishsim-")
    try:
        bmc = Bmc(args, cert_dir)
        bmc.load_cert(*((args.cert, args.key) if args.cert else make_cert(cert_dir, "boot")))
        server = TlsServer((args.host, args.port), redfish_handler(bmc), bmc)
        control = ThreadingHTTPServer((args.host, args.control_port), control_handler(bmc))
        control.daemon_threads = True
        threading.Thread(target=control.serve_forever, daemon=True).start()
        print("READY https=%d control=%d fingerprint=%s" % (server.server_address[1], control.server_address[1],
                                                             fingerprint(bmc.cert[0])), flush=True)
        # SIGTERM stops it cleanly (the certificate directory is removed); so does a closed stdin when asked,
        # so that a test harness that dies leaves no simulator behind
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
        if args.exit_with_stdin:
            threading.Thread(target=lambda: (sys.stdin.read(), server.shutdown()), daemon=True).start()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    finally:
        shutil.rmtree(cert_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
