package io.astrocloud.source;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects the part of a response body a read needs and then stops the transfer: it drops the
 * first {@code skip} bytes, keeps the next {@code limit}, and cancels the subscription as soon as
 * it has them. A server that ignores Range and starts sending a 44 GB body costs only the bytes
 * up to {@code skip + limit}. A body that ends where the read does (the usual 206) is let to finish
 * instead: cancelling would close the connection, and the next request would pay for a new one
 * (a TCP and TLS handshake, one or two more round trips).
 */
final class BodyCollector implements BodySubscriber<BodyCollector.Collected> {
    /** What was kept, and how many body bytes arrived in all. */
    record Collected(byte[] bytes, long transferred) {
    }

    private final CompletableFuture<Collected> result = new CompletableFuture<>();
    private final byte[] buffer;
    private final long bodyLength;
    private long toSkip;
    private int filled;
    private long transferred;
    private Flow.Subscription subscription;

    /**
     * @param skip       body bytes to drop first
     * @param limit      body bytes to keep after them
     * @param bodyLength the body's length from Content-Length, or -1 when not given
     */
    BodyCollector(long skip, int limit, long bodyLength) {
        this.toSkip = skip;
        this.buffer = new byte[limit];
        this.bodyLength = bodyLength;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (buffer.length == 0) {
            finish(bodyLength != 0);
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int n = b.remaining();
            transferred += n;
            if (toSkip >= n) {
                toSkip -= n;
                continue;
            }
            b.position(b.position() + (int) toSkip);
            toSkip = 0;
            int take = Math.min(b.remaining(), buffer.length - filled);
            b.get(buffer, filled, take);
            filled += take;
            if (filled == buffer.length) {
                if (bodyLength < 0 || transferred < bodyLength) {
                    finish(true);
                    return;
                }
                // The whole body is here: answer on its completion, when the client has put the
                // connection back in its pool, so that the next read finds it there.
                break;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        finish(false);
    }

    @Override
    public CompletionStage<Collected> getBody() {
        return result;
    }

    private void finish(boolean cancel) {
        if (result.complete(new Collected(filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled),
                transferred)) && cancel) {
            subscription.cancel();
        }
    }
}
