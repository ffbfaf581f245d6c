package com.ipmimonitor.fleet.control;

/** A problem in an import file, kept with its line so all problems can be reported in file order. */
record LineProblem(int line, String message) {

    String text() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
