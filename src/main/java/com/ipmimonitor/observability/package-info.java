/**
 * MicroProfile Health checks (database, collector timer) and the startup warnings about default secrets.
 */
package com.ipmimonitor.observability;
