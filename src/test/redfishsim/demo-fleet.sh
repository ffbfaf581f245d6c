#!/bin/bash
# demo-fleet.sh - a few Redfish BMC simulators for the demo fleet of scripts/run.sh, on LOOPBACK ONLY.
#
#   demo-fleet.sh start INVENTORY   start one simulator per flavour (dell, hpe, openbmc) on $RF_NET.1-3, HTTPS port
#                                   $RF_PORT, and append their rows (protocol column: redfish) to INVENTORY
#   demo-fleet.sh stop              stop every simulator this script started (by PID from pid files)
#
# Environment: RF_DIR (default $FLEET_DIR/redfish, else <dir of this script>/demo) pid files and logs,
#              RF_NET (default 127.77.8), RF_PORT (default 8443). Account root / calvin; a 5,000-entry log each.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RF_DIR=${RF_DIR:-${FLEET_DIR:-$HERE/demo}/redfish}
RF_NET=${RF_NET:-127.77.8}
RF_PORT=${RF_PORT:-8443}
PY=${PY:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3 )}
FLAVOURS=(dell hpe openbmc)

die() { echo "demo-fleet.sh: $*" >&2; exit 1; }

start() {
  local inventory=$1 i
  [ -f "$inventory" ] || die "no inventory $inventory"
  case $RF_NET in 127.*) ;; *) die "RF_NET must be loopback (127.x.y)";; esac
  command -v openssl >/dev/null || die "openssl not installed (the simulator makes its certificate with it)"
  if ls "$RF_DIR"/*/sim.pid >/dev/null 2>&1; then die "simulators already running? run '$0 stop' first"; fi
  for ((i = 0; i < ${#FLAVOURS[@]}; i++)); do
    local flavour=${FLAVOURS[$i]} host=$RF_NET.$((i + 1)) d=$RF_DIR/${FLAVOURS[$i]}
    mkdir -p "$d"
    rm -f "$d/sim.out"
    ( exec setsid "$PY" "$HERE/redfishsim.py" --host "$host" --port "$RF_PORT" --flavour "$flavour" \
        </dev/null >"$d/sim.out" 2>"$d/sim.log" ) &
    echo $! > "$d/sim.pid"
  done
  for ((i = 0; i < ${#FLAVOURS[@]}; i++)); do
    local flavour=${FLAVOURS[$i]} host=$RF_NET.$((i + 1)) d=$RF_DIR/${FLAVOURS[$i]} t
    # bounded wait for the READY line (the simulator makes its certificate first)
    for ((t = 0; t < 100; t++)); do
      grep -q '^READY ' "$d/sim.out" 2>/dev/null && break
      kill -0 "$(cat "$d/sim.pid")" 2>/dev/null || break
      sleep 0.1
    done
    if ! grep -q '^READY ' "$d/sim.out" 2>/dev/null; then
      echo "demo-fleet.sh: the $flavour simulator did not start: $(tail -3 "$d/sim.log")" >&2
      continue
    fi
    printf 'rf-%s\t%s\t%s\troot\tcalvin\t5000\ton\tredfish-%s\t-\tredfish\n' "$flavour" "$host" "$RF_PORT" \
      "$flavour" >> "$inventory"
  done
  echo "started ${#FLAVOURS[@]} Redfish simulators on $RF_NET.1-${#FLAVOURS[@]}:$RF_PORT; inventory: $inventory"
}

stop() {
  local f pid stopped=0
  for f in "$RF_DIR"/*/sim.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    # only kill it if it is really our simulator
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'redfishsim.py '; then
      kill "$pid" 2>/dev/null && stopped=$((stopped + 1))
    fi
    rm -f "$f"
  done
  echo "stopped $stopped Redfish simulators"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: $0 start INVENTORY"; start "$2" ;;
  stop) stop ;;
  *) die "usage: $0 start INVENTORY | stop" ;;
esac
