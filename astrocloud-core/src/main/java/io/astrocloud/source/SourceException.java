package io.astrocloud.source;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * A read that failed, with the URL and byte offset it was reading and a {@link Reason} that
 * says what a caller can do about it (retry, give up, fix access). The message shows the URL with
 * its secrets masked ({@link Redaction}); {@link #url()} is the URL as given.
 */
public class SourceException extends IOException {
    private static final long serialVersionUID = 1L;
    /** Error codes stores send for passing trouble, whatever the status (S3, GCS, Azure). */
    private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "RequestTimeout", "InternalError",
            "rateLimitExceeded", "userRateLimitExceeded", "backendError", "ServerBusy", "OperationTimedOut");

    /** Why a read failed. */
    public enum Reason {
        /** 404, NoSuchKey, no such file. */
        NOT_FOUND(false),
        /** 401, 403, AccessDenied, missing credentials. */
        ACCESS_DENIED(false),
        /** 416: the offset is at or past the object's end. */
        RANGE_NOT_SATISFIABLE(false),
        /** 412 or a different ETag: the object was replaced while being read. */
        CHANGED(false),
        /** 5xx, 503 SlowDown, 429, connection reset, body cut short: worth retrying. */
        TRANSIENT(true),
        /** No answer within the timeout: worth retrying. */
        TIMEOUT(true),
        /** The server answered with something that is not the object (an HTML page, a redirect loop). */
        NOT_AN_OBJECT(false),
        /** The server ignores Range and the bytes wanted lie too far into the body to read through. */
        RANGE_IGNORED(false),
        /** Anything else the server refused (400, 405, ...). */
        REJECTED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /** True when trying the same request again may succeed. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;
    private final String url;
    private final long offset;
    private final int status;
    private final Duration retryAfter;

    /**
     * @param reason     why the read failed
     * @param url        the object's URL
     * @param offset     the byte offset being read, or -1
     * @param status     the HTTP status, or 0 when there was none
     * @param retryAfter how long the server asked us to wait (Retry-After), or null
     * @param detail     what the server or the system said
     * @param cause      the underlying exception, or null
     */
    public SourceException(Reason reason, String url, long offset, int status, Duration retryAfter,
                           String detail, Throwable cause) {
        super(message(reason, url, offset, status, detail), cause);
        this.reason = reason;
        this.url = url;
        this.offset = offset;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** A failure without HTTP status or cause. */
    public SourceException(Reason reason, String url, long offset, String detail) {
        this(reason, url, offset, 0, null, detail, null);
    }

    /** Why the read failed. */
    public Reason reason() {
        return reason;
    }

    /** The object's URL as given: it may hold a signature, so print it only through {@link Redaction}. */
    public String url() {
        return url;
    }

    /** The byte offset being read, or -1. */
    public long offset() {
        return offset;
    }

    /** The HTTP status, or 0. */
    public int status() {
        return status;
    }

    /** How long the server asked to wait before retrying, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True when the same request may succeed if tried again. */
    public boolean retryable() {
        return reason.retryable();
    }

    /**
     * The reason an HTTP status (and the store's error code) stands for.
     *
     * @param status    the HTTP status code
     * @param storeCode the store's error code from the body or headers (S3 {@code SlowDown}, GCS
     *                  {@code rateLimitExceeded}, Azure {@code ServerBusy}, ...), or null
     */
    public static Reason reasonForStatus(int status, String storeCode) {
        if (storeCode != null && TRANSIENT_CODES.contains(storeCode)) {
            return Reason.TRANSIENT;
        }
        if (status == 404 || status == 410) {
            return Reason.NOT_FOUND;
        }
        if (status == 401 || status == 403) {
            return Reason.ACCESS_DENIED;
        }
        if (status == 416) {
            return Reason.RANGE_NOT_SATISFIABLE;
        }
        if (status == 412) {
            return Reason.CHANGED;
        }
        if (status == 408) {
            return Reason.TIMEOUT;
        }
        if (status == 429 || status >= 500) {
            return Reason.TRANSIENT;
        }
        if (status >= 300 && status < 400) {
            return Reason.NOT_AN_OBJECT;
        }
        return Reason.REJECTED;
    }

    /**
     * A failure the store answered with an HTTP status, for backends on a store's SDK (GCS, Azure)
     * whose exceptions carry the status and the store's error code.
     *
     * @param url        the object's URL
     * @param offset     the byte offset being read, or -1
     * @param status     the HTTP status
     * @param storeCode  the store's error code, or null (see {@link #reasonForStatus(int, String)})
     * @param retryAfter how long the store asked to wait, or null
     * @param detail     what the store said
     * @param cause      the SDK's exception
     */
    public static SourceException fromStatus(String url, long offset, int status, String storeCode,
                                             Duration retryAfter, String detail, Throwable cause) {
        return new SourceException(reasonForStatus(status, storeCode), url, offset, status, retryAfter, detail, cause);
    }

    /**
     * A failure without an answer from the store (connection refused or reset, body cut short, no
     * answer in time): {@link Reason#TIMEOUT} when a timeout is among the causes, else
     * {@link Reason#TRANSIENT}. A {@code SourceException} among the causes is returned as it is.
     */
    public static SourceException fromIoFailure(String url, long offset, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SourceException) {
                return (SourceException) t;
            }
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getSimpleName().endsWith("TimeoutException")) {
                return new SourceException(Reason.TIMEOUT, url, offset, 0, null, String.valueOf(t.getMessage()), cause);
            }
        }
        return new SourceException(Reason.TRANSIENT, url, offset, 0, null, describe(cause), cause);
    }

    /**
     * What a failure without an answer says, for a message: the exception's name and the first
     * message along its causes (the JDK's HTTP client reports a refused connection as a
     * {@code ConnectException} with no message at all, which is named for what it is).
     */
    public static String describe(Throwable cause) {
        Throwable named = cause;
        while ((named instanceof java.util.concurrent.ExecutionException
                || named instanceof java.util.concurrent.CompletionException) && named.getCause() != null) {
            named = named.getCause();
        }
        boolean connect = false;
        for (Throwable t = named; t != null; t = t.getCause() == t ? null : t.getCause()) {
            connect |= t instanceof java.net.ConnectException;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                String via = t == named ? "" : " (" + t.getClass().getSimpleName() + ")";
                return named.getClass().getSimpleName() + ": " + t.getMessage() + via;
            }
        }
        return named.getClass().getSimpleName()
                + (connect ? ": connection refused or host unreachable" : ": no message");
    }

    private static String message(Reason reason, String url, long offset, int status, String detail) {
        StringBuilder b = new StringBuilder();
        b.append(describe(reason)).append(": ").append(url);
        if (offset >= 0) {
            b.append(" at byte ").append(offset);
        }
        if (status > 0) {
            b.append(" (HTTP ").append(status).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            b.append(": ").append(detail);
        }
        return Redaction.text(b.toString());
    }

    private static String describe(Reason reason) {
        switch (reason) {
            case NOT_FOUND: return "object not found";
            case ACCESS_DENIED: return "access denied";
            case RANGE_NOT_SATISFIABLE: return "range not satisfiable (offset at or past the end)";
            case CHANGED: return "object changed while being read";
            case TRANSIENT: return "transient failure";
            case TIMEOUT: return "timed out";
            case NOT_AN_OBJECT: return "the server did not answer with the object";
            case RANGE_IGNORED: return "the server ignores Range requests";
            default: return "request rejected";
        }
    }
}
