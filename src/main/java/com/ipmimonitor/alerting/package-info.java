/**
 * Alerting: rules evaluated against what collection stored (new critical/warning SEL events, critical sensors,
 * unreachable BMCs, stale collection), each condition firing once and resolving once, delivered to webhooks
 * (generic JSON or Alertmanager's v2 format) and e-mail with bounded retries, acknowledged by admins. Dedup and
 * delivery bookkeeping live in PostgreSQL, so restarts and several instances neither repeat nor lose a notice.
 */
package com.ipmimonitor.alerting;
