package com.ipmimonitor.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A body sent with a charset this JVM does not know ({@code Content-Type: application/json; charset=nope}) is
 * refused with 415 and a JSON error; Jersey throws the charset lookup's IllegalArgumentException while reading the
 * body, which answered 500 (found by ApiFuzzIT). Any other IllegalArgumentException that reaches here is a bug
 * of ours: logged, and the 500 it always was.
 */
@Provider
public class RequestCharsetMapper implements ExceptionMapper<IllegalArgumentException> {

    private static final Logger LOG = Logger.getLogger(RequestCharsetMapper.class.getName());

    @Override
    public Response toResponse(IllegalArgumentException e) {
        if (e instanceof UnsupportedCharsetException || e instanceof IllegalCharsetNameException) {
            return ApiError.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "the request's charset is not supported; send UTF-8")
                    .getResponse();
        }
        LOG.log(Level.SEVERE, "unhandled error in an API call", e);
        return ApiError.internalError();
    }
}
