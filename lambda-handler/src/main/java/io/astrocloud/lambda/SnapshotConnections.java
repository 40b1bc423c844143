package io.astrocloud.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

/**
 * Opens the JDK connections of the deployed S3 and DynamoDB clients, and keeps those of SnapStart's
 * priming out of the snapshot. The JDK keeps a finished response's connection in its process-wide
 * keep-alive cache, where the first request after a restore would find it, long after the server
 * dropped it. While priming runs, every request is sent with {@code Connection: close} (the one value
 * of that header the JDK lets a caller set), so the server and the JDK close each connection after its
 * response instead of caching it. ({@link HttpURLConnection#disconnect()} afterwards would not do: once
 * the SDK has closed a response stream the connection no longer knows its socket.)
 */
final class SnapshotConnections implements UrlConnectionFactory {
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final AtomicInteger closing = new AtomicInteger(-1);

    SnapshotConnections(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public HttpURLConnection createConnection(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout((int) connectTimeout.toMillis());
            c.setReadTimeout((int) readTimeout.toMillis());
            if (closing.get() >= 0) {
                c.setRequestProperty("Connection", "close");
                closing.incrementAndGet();
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on, every connection is closed after its response. */
    void closeEach() {
        closing.set(0);
    }

    /** Back to keeping connections alive; returns how many were opened (and closed) meanwhile. */
    int keepAlive() {
        return Math.max(0, closing.getAndSet(-1));
    }
}
