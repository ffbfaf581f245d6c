/**
 * Database plumbing: the container datasource, Flyway migrations at startup, and the embedded PostgreSQL started when no DB_URL is configured.
 */
package com.ipmimonitor.database;
