/**
 * Helpers for native SQL queries that every feature may use: reading row values as the app's Java types and
 * binding lists as PostgreSQL arrays.
 */
package com.ipmimonitor.sql;
