/**
 * The servers being watched, known by BMC address: the Servers facade and API, input validation, and BMC passwords encrypted at rest (security.entity.CredentialCipher).
 */
package com.ipmimonitor.fleet;
