/**
 * Plumbing shared by the features' timers: handing timer work to an executor, one run at a time.
 */
package com.ipmimonitor.concurrent;
