/**
 * JAX-RS plumbing shared by every feature's resources: the /api application, JSON naming, JSON errors (ApiError,
 * ChangeRejected and the exception mappers) and the original API's success answers.
 */
package com.ipmimonitor.rest;
