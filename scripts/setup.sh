#!/usr/bin/env bash
# Installs what IPMI Monitor needs on Debian 12 that is not there yet. Safe to run again.
#   JDK 17 + Maven (build), ipmitool (collection), PostgreSQL server binaries (embedded database and tests),
#   openipmi's ipmi_sim (simulated BMCs for the demo fleet and tests), chromium + chromedriver (browser tests),
#   slapd + ldap-utils (LdapIT runs a throwaway OpenLDAP of its own; ldapwhoami/ldapsearch to check LDAP_* settings).
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have java || need+=(openjdk-17-jdk-headless)
have javac || need+=(openjdk-17-jdk-headless)
have mvn || need+=(maven)
have ipmitool || need+=(ipmitool)
have ipmi_sim || need+=(openipmi)
have python3 || need+=(python3)
have ss || need+=(iproute2)
have promtool || need+=(prometheus)
have runuser || need+=(util-linux)
have curl || need+=(curl)          # scripts/payara-server-check.sh, bench/
have unzip || need+=(unzip)        # the Payara Server zip of the deploy check
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/slapd ] || need+=(slapd)
have ldapsearch || need+=(ldap-utils)
have openssl || need+=(openssl)      # LdapIT: the test directory's ldaps certificate
if [ "${SKIP_BROWSER:-0}" != 1 ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
fi

if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]}"
  $sudo apt-get update -qq
  if [[ " ${need[*]} " == *" slapd "* ]]; then
    # only the binaries: left alone, slapd's postinst creates a system directory (a suffix made up from the
    # host name) and starts it on port 389 of every interface; the tests run their own slapd on loopback
    echo "slapd slapd/no_configuration boolean true" | $sudo debconf-set-selections
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "setup: $(java -version 2>&1 | head -1); $(mvn -v 2>/dev/null | head -1); $(ipmitool -V)"
