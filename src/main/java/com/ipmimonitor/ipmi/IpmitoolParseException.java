package com.ipmimonitor.ipmi;

/**
 * ipmitool printed something that does not have the shape of the command's output as a whole.
 * Carries the offending line so a poll attempt can be stored with the evidence.
 */
public class IpmitoolParseException extends RuntimeException {

    private final String offendingLine;

    public IpmitoolParseException(String message, String offendingLine) {
        super(message + ": '" + offendingLine + "'");
        this.offendingLine = offendingLine;
    }

    public IpmitoolParseException(String message, String offendingLine, Throwable cause) {
        super(message + ": '" + offendingLine + "'", cause);
        this.offendingLine = offendingLine;
    }

    public String offendingLine() {
        return offendingLine;
    }
}
