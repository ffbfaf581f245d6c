/**
 * The read model above the features: servers as the dashboard and /api/servers show them (fleet, last poll, event
 * counts), /api/stats, and the /api/servers resource that answers with those views.
 */
package com.ipmimonitor.overview;
