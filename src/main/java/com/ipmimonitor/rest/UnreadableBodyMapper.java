package com.ipmimonitor.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A JSON body that cannot be read into the endpoint's request type (truncated, not JSON, a string where an object
 * belongs) is the client's mistake: 400 with a JSON error. Jersey reports it as a ProcessingException wrapping
 * JSON-B's exception, which no mapper took, so it used to answer 500 (found by ApiFuzzIT).
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(UnreadableBodyMapper.class.getName());

    @Override
    public Response toResponse(ProcessingException e) {
        if (!causedByJson(e)) {
            LOG.log(Level.SEVERE, "request processing failed", e);
            return ApiError.internalError();
        }
        return ApiError.of(Response.Status.BAD_REQUEST, "the request body is not a JSON object of the expected shape",
                List.of(where(e))).getResponse();
    }

    private static boolean causedByJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return true;
            }
        }
        return false;
    }

    /** Where reading stopped; JSON-B's own messages may quote the body, which may hold a password. */
    private static String where(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParsingException parsing && parsing.getLocation() != null) {
                return "not valid JSON at line " + parsing.getLocation().getLineNumber()
                        + ", column " + parsing.getLocation().getColumnNumber();
            }
        }
        return "valid JSON, but a value has the wrong type (text where a number, flag or object belongs)";
    }
}
