#!/bin/bash
# fleet.sh - start/stop a fleet of simulated IPMI BMCs (OpenIPMI ipmi_sim) on LOOPBACK ONLY.
#
#   fleet.sh start N     generate + start N sims (plus one "unreachable" inventory entry)
#   fleet.sh stop        stop every sim started by this script (by PID from pid files)
#   fleet.sh status      show PID / RSS / CPU of each sim
#   fleet.sh inventory   print the inventory TSV (what a monitor should be configured with)
#
# Environment:
#   FLEET_DIR   (default <dir of this script>/fleet)   per-sim dirs, pid files, inventory
#   MODE        ips (default): sim i on its own loopback address 127.77.x.y, UDP port SIM_PORT (6230),
#                    console on the same address, port SIM_PORT+1 -- one BMC per address, like real fleets
#               ports        : every sim on 127.0.0.1, UDP port BASE_PORT+i
#               addrs          : sim i on 127.0.1.i, standard UDP port 623 (needs root, N<=250)
#   BASE_PORT   (default 9000)  LAN port = BASE_PORT+i  (ports mode)
#   CON_BASE    (default 19000) console TCP port = CON_BASE+i (ports mode); 9000 in addrs mode
#   SIM_BLOCK   (default 0)     ips mode: first x of $SIM_NET.x.y (a second fleet beside the first)
#   SEED        (default 42)    content seed (deterministic fleet)
#   HOSTILE_BMC (default none)  sim i names sensor 0x52 "<script>CPU2ECC" (UI escaping tests)
#
# Content mix (i = 1..N):
#   i%8==2 -> large SEL (1000-2000 entries)         i==3 (N>=6) -> SEL full (1024/1024, overflow)
#   i%9==5 -> empty SEL                             i%5==4      -> chassis power off
#   i==N   -> WRONG PASSWORD (inventory says "secret", sim has "n0tThePassword")
#   i==4 (N>=6) -> Super Micro IANA (ipmitool then sends OEM Get Board ID -> stderr noise)
#   others -> 10..60 entries
#   extra inventory row "bmc-unreach": a port/address where nothing listens.
# Credentials: user admin / secret (ADMIN), monitor / monpass (OPERATOR). Cipher suites 0-3,6 (no 17).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
FLEET_DIR=${FLEET_DIR:-$HERE/fleet}
MODE=${MODE:-ips}
SIM_PORT=${SIM_PORT:-6230}
SIM_NET=${SIM_NET:-127.77}   # ips mode: sims live on $SIM_NET.x.y
SIM_BLOCK=${SIM_BLOCK:-0}    # ips mode: x starts here, so that a second fleet can share $SIM_NET
BASE_PORT=${BASE_PORT:-9000}
CON_BASE=${CON_BASE:-19000}
SEED=${SEED:-42}
INV=$FLEET_DIR/inventory.tsv
# a real interpreter, not a (slow) pyenv shim
PY=${PY:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3 )}
# ipmitool parses a 4.7 MB IANA file on every call unless HOME holds a trimmed copy (2x faster)
IPMIHOME=$FLEET_DIR/ipmihome
PEN=$HERE/../../main/resources/ipmitool/enterprise-numbers.txt
MAXN=1000  # 1,000 BMCs for the issue-18 fleet bench (ips mode: 127.x.0-4.y)

die() { echo "fleet.sh: $*" >&2; exit 1; }

ip_of() { echo "$SIM_NET.$(($1 / 200 + SIM_BLOCK)).$(($1 % 200 + 1))"; }

sim_addr() {  # i -> "host port console_port"
  local i=$1
  if [ "$MODE" = ips ]; then echo "$(ip_of "$i") $SIM_PORT $((SIM_PORT + 1))"
  elif [ "$MODE" = addrs ]; then echo "127.0.1.$i 623 9000"
  else echo "127.0.0.1 $((BASE_PORT + i)) $((CON_BASE + i))"; fi
}

udp_bound() {  # host port -> 0 if some socket is bound there (hex match in /proc/net/udp)
  local hexport; hexport=$(printf '%04X' "$2")
  grep -q ":$hexport " /proc/net/udp /proc/net/udp6 2>/dev/null
}

start() {
  local n=$1
  [[ $n =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le $MAXN ] || die "N must be 1..$MAXN"
  [ "$MODE" = addrs ] && [ "$n" -gt 250 ] && die "addrs mode supports N<=250"
  command -v ipmi_sim >/dev/null || die "ipmi_sim not installed (apt-get install openipmi)"
  if ls "$FLEET_DIR"/*/sim.pid >/dev/null 2>&1; then die "sims already running? run '$0 stop' first"; fi
  mkdir -p "$FLEET_DIR" "$IPMIHOME/.local/usr/share/misc"
  cp "$PEN" "$IPMIHOME/.local/usr/share/misc/enterprise-numbers.txt"
  printf 'name\thost\tport\tuser\tpassword\tsel_entries\tpower\tnote\tconsole_port\n' > "$INV"
  local i
  for ((i = 1; i <= n; i++)); do
    local name; name=$(printf 'bmc%03d' "$i")
    local host port con; read -r host port con < <(sim_addr "$i")
    local sel=$((10 + (SEED * 7 + i * 13) % 51)) selmax=4000 power=1 pass=secret note=normal mfg=343
    if ((i % 8 == 2)); then sel=$((1000 + (SEED + i * 97) % 1001)); note=large-sel; fi
    if ((i % 9 == 5)); then sel=0; note=empty-sel; fi
    if ((n >= 6 && i == 3)); then sel=1024; selmax=1024; note=sel-full; fi
    if ((n >= 6 && i == 4)); then mfg=10876; note=supermicro-oem; fi
    if ((i % 5 == 4)); then power=0; note="$note,power-off"; fi
    if ((i == n && n > 1)); then pass=n0tThePassword; note=wrong-password; fi
    local hostile=()
    # HOSTILE_BMC=i: that BMC names a sensor "<script>..." (escaping tests of the UI)
    if [ "${HOSTILE_BMC:-0}" = "$i" ]; then note="$note,hostile-names"; hostile=(--hostile-names); fi
    local d=$FLEET_DIR/$name
    rm -rf "$d"
    "$PY" "$HERE/bmcgen.py" --dir "$d" --name "$name" --addr "$host" --port "$port" \
        --console-port "$con" --user admin --password "$pass" --sel-count "$sel" \
        --sel-max "$selmax" --power "$power" --seed $((SEED * 1000 + i)) --mfg "$mfg" "${hostile[@]}" >/dev/null \
      || die "bmcgen failed for $name"
    ( cd "$d" && exec setsid ipmi_sim -c lan.conf -f bmc.emu -s "$d/state" -n \
        </dev/null >"$d/sim.log" 2>&1 ) &
    echo $! > "$d/sim.pid"
    echo "$pass" > "$d/real_password"
    [ "$note" = sel-full ] && touch "$d/make_overflow"
    printf '%s\t%s\t%s\tadmin\tsecret\t%s\t%s\t%s\t%s\n' "$name" "$host" "$port" "$sel" \
      "$([ $power = 1 ] && echo on || echo off)" "$note" "$con" >> "$INV"
  done
  # unreachable inventory entry: nothing listens there
  if [ "$MODE" = ips ]; then
    printf 'bmc-unreach\t%s\t%s\tadmin\tsecret\t-\t-\tunreachable\t-\n' "$SIM_NET.9.254" "$SIM_PORT" >> "$INV"
  elif [ "$MODE" = addrs ]; then
    printf 'bmc-unreach\t127.0.1.254\t623\tadmin\tsecret\t-\t-\tunreachable\t-\n' >> "$INV"
  else
    printf 'bmc-unreach\t127.0.0.1\t%s\tadmin\tsecret\t-\t-\tunreachable\t-\n' $((BASE_PORT + MAXN + 99)) >> "$INV"
  fi
  # wait (bounded) until every sim has bound its UDP port, then set SEL clock to wall time
  local t
  for ((i = 1; i <= n; i++)); do
    local name; name=$(printf 'bmc%03d' "$i"); local d=$FLEET_DIR/$name
    local host port con; read -r host port con < <(sim_addr "$i")
    for ((t = 0; t < 50; t++)); do
      kill -0 "$(cat "$d/sim.pid")" 2>/dev/null || { echo "$name died: $(cat "$d/sim.log")" >&2; break; }
      if [ "$MODE" = ips ]; then
        ss -Hlun "src $host:$port" 2>/dev/null | grep -q . && break
      elif [ "$MODE" = addrs ]; then
        grep -q "$(printf '%02X01007F:%04X' "$i" 623)" /proc/net/udp && break   # 127.0.1.i:623
      else
        udp_bound "$host" "$port" && break
      fi
      sleep 0.1
    done
    # ipmi_sim stamps runtime events with monotonic time + offset: set the offset once
    HOME=$IPMIHOME timeout 10 ipmitool -I lanplus -C 3 -N 1 -R 2 -H "$host" -p "$port" -U admin \
      -P "$(cat "$d/real_password")" sel time set now >/dev/null 2>&1 \
      || echo "warn: sel time set failed for $name" >&2
    # SEL full: one more add fails and sets the Overflow flag, like a real full BMC
    if [ -e "$d/make_overflow" ]; then
      timeout 10 "$PY" "$HERE/simctl.py" --port "$con" --host "$host" \
        'sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x0c 0x50 0x6f 0xa0 0x00 0x03' >/dev/null 2>&1
    fi
  done
  echo "started $n sims (MODE=$MODE); inventory: $INV"
}

stop() {
  local f pid stopped=0
  for f in "$FLEET_DIR"/*/sim.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    # only kill it if it is really our ipmi_sim
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q '^ipmi_sim '; then
      kill "$pid" 2>/dev/null && stopped=$((stopped + 1))
    fi
  done
  local t
  for f in "$FLEET_DIR"/*/sim.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    for ((t = 0; t < 30; t++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q '^ipmi_sim '; then
      kill -9 "$pid" 2>/dev/null
    fi
    rm -f "$f"
  done
  echo "stopped $stopped sims"
}

status() {
  local f pid up=0 total=0
  printf '%-8s %7s %8s %10s\n' NAME PID RSS_KB CPU_TICKS
  for f in "$FLEET_DIR"/*/sim.pid; do
    [ -e "$f" ] || continue
    total=$((total + 1)); pid=$(cat "$f")
    if [ -r "/proc/$pid/stat" ]; then
      up=$((up + 1))
      printf '%-8s %7s %8s %10s\n' "$(basename "$(dirname "$f")")" "$pid" \
        "$(awk '/VmRSS/{print $2}' "/proc/$pid/status")" \
        "$(awk '{print $14+$15}' "/proc/$pid/stat")"
    else
      printf '%-8s %7s %8s\n' "$(basename "$(dirname "$f")")" "$pid" DEAD
    fi
  done
  echo "$up/$total running"
}

case "${1:-}" in
  start) start "${2:-20}" ;;
  stop) stop ;;
  status) status ;;
  inventory) cat "$INV" ;;
  *) sed -n '2,27p' "$0"; exit 1 ;;
esac
