package com.ipmimonitor.web.errors;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Registered in faces-config.xml: every page request's exceptions pass through {@link PageErrorHandler}. */
public class PageErrors extends ExceptionHandlerFactory {

    public PageErrors(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new PageErrorHandler(getWrapped().getExceptionHandler());
    }
}
