package io.astrocloud.lambda;

import java.util.List;

/**
 * Thrown by a handler whose event source retries whole invocations (S3 and EventBridge invoke
 * asynchronously): Lambda retries the invocation, then sends it to the on-failure destination.
 * Events of the invocation that did succeed are idempotent, so the retry does them no harm.
 */
public class FailedEventsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param failures one line per failed event */
    public FailedEventsException(List<String> failures) {
        super(failures.size() + " event(s) failed and will be retried: " + String.join("; ", failures));
    }
}
