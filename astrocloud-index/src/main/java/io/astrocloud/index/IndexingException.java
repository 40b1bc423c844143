package io.astrocloud.index;

/**
 * An event that could not be applied, for a reason that lies outside the file: S3 or DynamoDB
 * throttling or failing after the retries, access denied, a missing table. The event source
 * must redeliver or dead-letter it; {@link #retryable()} says whether trying again later may
 * succeed (S3 Batch Operations: TemporaryFailure rather than PermanentFailure).
 */
public class IndexingException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    /**
     * @param message   what failed, naming the object
     * @param retryable whether a later attempt may succeed
     * @param cause     the underlying failure
     */
    public IndexingException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when a later attempt may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
