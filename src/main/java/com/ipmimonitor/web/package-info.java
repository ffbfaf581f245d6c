/**
 * JSF backing beans of the pages; no other package uses web (the JAX-RS plumbing is in rest).
 */
package com.ipmimonitor.web;
