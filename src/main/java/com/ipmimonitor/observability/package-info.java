/**
 * MicroProfile Health checks (database, heap; the collector timer's is in collection), Prometheus metrics and the startup warnings about default secrets.
 */
package com.ipmimonitor.observability;
