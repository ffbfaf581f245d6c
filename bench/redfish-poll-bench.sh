#!/usr/bin/env bash
# redfish-poll-bench.sh [flavour ...] - issue 19's figure: a steady-state Redfish poll of a BMC with a 5,000-entry
# log and nothing new, against reading the whole log, for each simulator flavour (default: dell hpe openbmc).
# Bytes and CPU per read: this JVM's process CPU plus the simulator's (utime + stime), after a warm-up; see
# src/test/java/com/ipmimonitor/redfish/control/RedfishLogBench.java. Loopback only (127.96.19.x); the simulators
# stop with the JVM. Holds /tmp/ipmimon-bench.lock (one benchmark at a time on a shared machine) and prints the
# load before and after.
#
# Environment: FULL_READS=5 STEADY_POLLS=200 WARM_UP=2; SKIP_BUILD=1 uses target/ as it is.
set -euo pipefail
PROJECT=$(cd "$(dirname "$0")/.." && pwd)
cd "$PROJECT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -o -B -q --no-transfer-progress test-compile
fi
CP_FILE=target/redfish-bench.classpath
mvn -o -B -q --no-transfer-progress dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
exec 9>/tmp/ipmimon-bench.lock
flock 9
echo "load before: $(uptime)"
java -Xmx512m -Dit.projectDir="$PROJECT" \
  -Dbench.fullReads="${FULL_READS:-5}" -Dbench.steadyPolls="${STEADY_POLLS:-200}" -Dbench.warmUp="${WARM_UP:-2}" \
  -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" com.ipmimonitor.redfish.control.RedfishLogBench "$@"
echo "load after: $(uptime)"
