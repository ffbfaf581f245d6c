/**
 * Plumbing shared by the features: handing timer work to an executor, one run at a time (TimerWork), and the
 * order in which they stop with the JVM (OrderlyStop).
 */
package com.ipmimonitor.concurrent;
