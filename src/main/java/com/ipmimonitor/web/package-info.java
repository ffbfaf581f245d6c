/**
 * JSF backing beans and JAX-RS plumbing shared by the API (JSON naming, JSON errors).
 */
package com.ipmimonitor.web;
