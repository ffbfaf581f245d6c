package com.ipmimonitor.fleet.control;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads servers from JSON: {@code {"servers": [...]}} or the plain array the original app exported, each server an
 * object with the INI keys. Streamed rather than read as a tree so every key keeps its line for messages and
 * duplicate keys are seen. Scalars are handed on as text, so {@code "port": "623"} and {@code "enabled": 1} follow
 * the same rules as in INI; null means not given.
 */
final class JsonServerReader {

    // a server list is three levels deep; anything far deeper is not one
    private static final int MAX_SKIPPED_DEPTH = 100;

    private JsonServerReader() {
    }

    /** @throws JsonParsingException when the text is not JSON at all */
    static List<ServerEntry> read(String text, List<LineProblem> problems) {
        List<ServerEntry> entries = new ArrayList<>();
        try (JsonParser p = Json.createParser(new StringReader(text))) {
            Event top = p.next();
            if (top == Event.START_ARRAY) {
                readServers(p, entries, problems);
            } else if (top == Event.START_OBJECT) {
                readWrapper(p, entries, problems);
            } else {
                problems.add(new LineProblem(line(p), "expected an array of servers or {\"servers\": [...]}"));
                skip(p, top);
            }
            if (p.hasNext()) { // Parsson reports trailing garbage from hasNext itself; this is for other providers
                p.next();
                problems.add(new LineProblem(line(p), "unexpected content after the servers"));
            }
        }
        return entries;
    }

    /**
     * One server object, as an API call sends it: the same keys and value rules as an entry of an import file.
     * Empty (with a problem) when the text is JSON but not an object.
     * @throws JsonParsingException when the text is not JSON at all
     */
    static Optional<ServerEntry> readOne(String text, List<LineProblem> problems) {
        try (JsonParser p = Json.createParser(new StringReader(text))) {
            Event top = p.next();
            if (top != Event.START_OBJECT) {
                problems.add(new LineProblem(0, "the body must be a JSON object with the server's fields"));
                return Optional.empty();
            }
            ServerEntry entry = readServer(p, new ServerEntry(line(p), null, null));
            if (p.hasNext()) {
                p.next();
                problems.add(new LineProblem(0, "unexpected content after the object"));
            }
            return Optional.of(entry);
        }
    }

    private static void readWrapper(JsonParser p, List<ServerEntry> entries, List<LineProblem> problems) {
        int startLine = line(p);
        boolean found = false;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            int keyLine = line(p);
            Event value = p.next();
            if (key.equals("servers") && value == Event.START_ARRAY && !found) {
                found = true;
                readServers(p, entries, problems);
            } else {
                problems.add(new LineProblem(keyLine, key.equals("servers")
                        ? (found ? "duplicate key 'servers'" : "servers must be an array")
                        : "unknown key '" + key + "' (expected only \"servers\")"));
                skip(p, value);
            }
        }
        if (!found) {
            problems.add(new LineProblem(startLine, "no \"servers\" array in the object"));
        }
    }

    private static void readServers(JsonParser p, List<ServerEntry> entries, List<LineProblem> problems) {
        int index = 0;
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            index++;
            int entryLine = line(p);
            if (e == Event.START_OBJECT) {
                entries.add(readServer(p, index, entryLine));
            } else {
                problems.add(new LineProblem(entryLine, at(index, entryLine) + "a server must be an object"));
                skip(p, e);
            }
        }
    }

    private static ServerEntry readServer(JsonParser p, int index, int entryLine) {
        return readServer(p, new ServerEntry(entryLine, "entry " + index, null));
    }

    private static ServerEntry readServer(JsonParser p, ServerEntry entry) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            int keyLine = line(p);
            Event value = p.next();
            switch (value) {
                case VALUE_STRING, VALUE_NUMBER -> entry.put(key, p.getString(), keyLine);
                case VALUE_TRUE -> entry.put(key, "true", keyLine);
                case VALUE_FALSE -> entry.put(key, "false", keyLine);
                case VALUE_NULL -> entry.put(key, null, keyLine);
                default -> {
                    entry.reject(key, keyLine, "must be a string, number or boolean");
                    skip(p, value);
                }
            }
        }
        return entry;
    }

    /** Names the entry when the provider gives no line, the only other way to find it in the file. */
    private static String at(int index, int line) {
        return line > 0 ? "" : "entry " + index + ": ";
    }

    /**
     * Skips the value that starts with current. Not with skipObject/skipArray: Parsson's loop forever when the text
     * ends inside the value (eclipse-ee4j/parsson#23), e.g. {@code [ [}, while next() reports the end as malformed.
     * The depth is limited here because Parsson's own limit (1000) throws a bare RuntimeException.
     */
    private static void skip(JsonParser p, Event current) {
        int depth = current == Event.START_OBJECT || current == Event.START_ARRAY ? 1 : 0;
        while (depth > 0) {
            switch (p.next()) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> { }
            }
            if (depth > MAX_SKIPPED_DEPTH) {
                throw new JsonParsingException("arrays or objects nested more than " + MAX_SKIPPED_DEPTH + " deep",
                        p.getLocation());
            }
        }
    }

    private static int line(JsonParser p) {
        long line = p.getLocation().getLineNumber();
        return line > 0 ? (int) line : 0;
    }
}
