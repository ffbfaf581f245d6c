package com.ipmimonitor.collection.control;

import com.ipmimonitor.collection.entity.PollOutcome;

/** A poll that could not finish, with the kind of failure operators and metrics see. */
public class CollectionFailure extends RuntimeException {

    private final PollOutcome outcome;

    public CollectionFailure(PollOutcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public PollOutcome outcome() {
        return outcome;
    }
}
