/**
 * The servers being watched, known by BMC address: the Servers facade, configuration, import and export, input validation, and BMC passwords encrypted at rest (security.boundary.CredentialCipher). How servers are shown (with poll and event data) is overview's business.
 */
package com.ipmimonitor.fleet;
