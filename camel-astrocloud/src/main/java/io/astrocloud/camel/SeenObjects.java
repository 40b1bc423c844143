package io.astrocloud.camel;

import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.ObjectRef;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Synchronization;

/**
 * Which object versions have been emitted, in a Camel {@link IdempotentRepository}: the key is the
 * object (bucket and key, or URL) with its ETag, so a replaced object is emitted again and an
 * unchanged one is not. A version is claimed eagerly before its exchanges are sent, confirmed when
 * all of them completed, and released when one of them failed, so that the next poll retries it.
 */
final class SeenObjects {
    private final IdempotentRepository repository;

    SeenObjects(IdempotentRepository repository) {
        this.repository = repository;
    }

    /**
     * The key of this version of {@code ref}: its URL (canonical for an object listed under a prefix)
     * and ETag (the listing's when there was one, else the walk's); the size stands in when the
     * store gives no ETag.
     */
    static String key(ObjectRef ref, ObjectInfo walked) {
        String where = ref.url();
        String etag = ref.etag() != null ? ref.etag() : walked.etag();
        if (etag != null) {
            return where + " etag=" + etag.replace("\"", "");
        }
        long size = ref.size() >= 0 ? ref.size() : walked.size();
        return where + " size=" + size;
    }

    /** True when a listing named this version and it was emitted before: it need not be walked. */
    boolean listedAndSeen(ObjectRef ref) {
        return ref.etag() != null && repository.contains(key(ref, ObjectInfo.UNKNOWN));
    }

    /** Claims {@code key} before emitting; false when it was already emitted (or is being emitted). */
    boolean claim(String key) {
        return repository.add(key);
    }

    /** Gives {@code key} up so that the next poll emits it again. */
    void release(String key) {
        repository.remove(key);
    }

    /**
     * Watches the {@code exchanges} sent for one claimed version: confirms the claim when all have
     * completed, releases it as soon as one fails.
     */
    Synchronization watch(String key, int exchanges) {
        return new Synchronization() {
            private final AtomicInteger pending = new AtomicInteger(exchanges);
            private final AtomicBoolean failed = new AtomicBoolean();

            @Override
            public void onComplete(Exchange exchange) {
                if (pending.decrementAndGet() == 0 && !failed.get()) {
                    repository.confirm(key);
                }
            }

            @Override
            public void onFailure(Exchange exchange) {
                pending.decrementAndGet();
                if (failed.compareAndSet(false, true)) {
                    release(key);
                }
            }
        };
    }
}
