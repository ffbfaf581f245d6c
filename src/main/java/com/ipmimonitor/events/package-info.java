/**
 * Stored SEL history: classified by the IPMI event data (ipmi.SeverityClassifier), stored once per fingerprint, asserted conditions closed by their deassertion.
 */
package com.ipmimonitor.events;
