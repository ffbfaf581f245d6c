#!/usr/bin/env bash
# Runs every test: unit tests (surefire) and integration tests (failsafe) against a throwaway PostgreSQL,
# a simulated BMC fleet and the built Payara Micro uber-jar, plus headless chromium page tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cleanup() {
  # a failing build can skip the JVM shutdown hooks that normally stop these (one environment per failsafe fork)
  for fork in 1 2; do
    FLEET_DIR=$PWD/target/it-$fork/fleet src/test/bmcsim/fleet.sh stop >/dev/null 2>&1 || true
  done
  pkill -f "$PWD/target/ipmi-monitor.jar" 2>/dev/null || true
  local pg_ctl; pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)
  for port in 55433 55533; do
    local pgdata=${TMPDIR:-/tmp}/ipmimon-it-pg-$port/data
    [ -f "$pgdata/postmaster.pid" ] || continue
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
    else "$pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true; fi
  done
}
trap cleanup EXIT
mvn -B ${MAVEN_ARGS:-} verify
