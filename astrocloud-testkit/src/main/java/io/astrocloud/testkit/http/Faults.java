package io.astrocloud.testkit.http;

import java.io.IOException;
import java.io.OutputStream;

/** Common {@link Fault}s: error statuses, throttling, redirects, HTML pages, bodies cut short. */
public final class Faults {
    private Faults() {
    }

    /** Answers every request with {@code status} and a small text body. */
    public static Fault status(int status) {
        return (ex, object, attempt) -> {
            RangeHttpServer.sendText(ex, status, "text/plain", "status " + status);
            return true;
        };
    }

    /** Answers the first {@code times} requests with S3's 503 SlowDown, with Retry-After, then serves. */
    public static Fault slowDown(int times, int retryAfterSeconds) {
        return (ex, object, attempt) -> {
            if (attempt > times) {
                return false;
            }
            ex.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
            RangeHttpServer.sendText(ex, 503, "application/xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                            + "<Message>Please reduce your request rate.</Message></Error>");
            return true;
        };
    }

    /** Answers every request with the redirect {@code status} to {@code location}. */
    public static Fault redirect(int status, String location) {
        return (ex, object, attempt) -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(status, -1);
            return true;
        };
    }

    /** Answers with an HTML page and status 200, as a captive portal or a web front end does. */
    public static Fault htmlPage() {
        return (ex, object, attempt) -> {
            RangeHttpServer.sendText(ex, 200, "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>");
            return true;
        };
    }

    /**
     * For the first {@code times} requests, promises the whole requested range but sends only
     * {@code sent} bytes of it and closes the connection; later requests are served.
     */
    public static Fault cutShort(int times, int sent) {
        return (ex, object, attempt) -> {
            if (attempt > times || object == null) {
                return false;
            }
            long size = object.size();
            long length = Math.min(size, 64 * 1024);
            ex.getResponseHeaders().set("ETag", object.etag());
            ex.getResponseHeaders().set("Content-Range", "bytes 0-" + (length - 1) + "/" + size);
            ex.sendResponseHeaders(206, length);
            OutputStream out = ex.getResponseBody();
            object.copyTo(out, 0, Math.min(sent, length), new StoredObject.Pace() {
                @Override
                public void beforeWrite(int n) {
                }

                @Override
                public void afterWrite(int n) {
                }
            });
            out.flush();
            // Closing the exchange before the promised length tears the connection down.
            throw new IOException("cut short on purpose");
        };
    }
}
