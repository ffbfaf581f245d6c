package com.ipmimonitor.security.entity;

/** Roles of the application. Visitors without a role see everything read-only. */
public enum Role {
    ADMIN;

    public static final String ADMIN_NAME = "admin";
}
