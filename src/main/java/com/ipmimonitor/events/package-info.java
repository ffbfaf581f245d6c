/**
 * Stored SEL history: classified by the IPMI event data (SeverityClassifier), stored once per fingerprint, asserted conditions closed by their deassertion.
 */
package com.ipmimonitor.events;
