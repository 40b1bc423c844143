package io.astrocloud.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} whose reads give up after an idle timeout (the JDK's
 * own stream would wait forever on a stalled server). It asks for one chunk at a time, so memory
 * stays at one chunk whatever the body's size.
 */
final class BodyStream extends InputStream implements BodySubscriber<InputStream> {
    private static final List<ByteBuffer> END = List.of();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Duration idleTimeout;
    private final String url;
    private final long startOffset;
    private Flow.Subscription subscription;
    private List<ByteBuffer> current = List.of();
    private int index;
    private long position;
    private boolean finished;
    private volatile boolean closed;

    BodyStream(Duration idleTimeout, String url, long startOffset) {
        this.idleTimeout = idleTimeout;
        this.url = url;
        this.startOffset = startOffset;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        queue.add(items);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        ByteBuffer buf = nextBuffer();
        if (buf == null) {
            return -1;
        }
        int n = Math.min(len, buf.remaining());
        buf.get(b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (subscription != null && !finished) {
                subscription.cancel();
            }
        }
    }

    private ByteBuffer nextBuffer() throws IOException {
        while (true) {
            if (closed) {
                throw new IOException("stream closed: " + Redaction.text(url));
            }
            while (index < current.size()) {
                ByteBuffer b = current.get(index);
                if (b.hasRemaining()) {
                    return b;
                }
                index++;
            }
            if (finished) {
                return null;
            }
            Object next;
            try {
                next = queue.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new java.io.InterruptedIOException("interrupted reading " + Redaction.text(url));
            }
            if (next == null) {
                close();
                throw new SourceException(SourceException.Reason.TIMEOUT, url, startOffset + position,
                        "no data for " + idleTimeout.toMillis() + " ms");
            }
            if (next instanceof Throwable) {
                finished = true;
                Throwable t = (Throwable) next;
                throw new SourceException(SourceException.Reason.TRANSIENT, url, startOffset + position, 0,
                        null, "body interrupted: " + t, t);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> items = (List<ByteBuffer>) next;
            if (items == END) {
                finished = true;
                current = List.of();
                return null;
            }
            current = items;
            index = 0;
            subscription.request(1);
        }
    }
}
