package io.astrocloud.camel;

import io.astrocloud.describe.ObsCoreRows;
import io.astrocloud.fits.Hdu;
import io.astrocloud.scan.ScanResult;
import io.astrocloud.scan.ScanTargets;
import io.astrocloud.source.ObjectRef;
import io.astrocloud.source.Redaction;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Emits one exchange per HDU, in HDU order: the body is the {@code Hdu} (which converts to its
 * nom-tam-fits {@code Header}, its card text, bytes, values or JSON, or its ObsCore row:
 * {@link AstroCloudConverters}), the message headers say where it lies and where on the sky and
 * when it observed ({@link AstroCloudConstants}), and the batch properties count the object's HDUs. An object URL is walked on each poll (once by default); a prefix is
 * listed and its FITS objects walked several at once, each object's HDUs sent together, skipping
 * object versions already emitted. A failure of the object URL, or of listing the prefix, fails the
 * poll; a failure of one object under a prefix goes to the exception handler and the others go on.
 * Its health check ({@link AstroCloudReadinessCheck}) also probes the store for readiness.
 */
public class AstroCloudConsumer extends ScheduledBatchPollingConsumer {
    private final SeenObjects seen;
    /** The prefix's listing, where the last poll stopped at maxMessagesPerPoll objects; null between passes. */
    private Iterator<ObjectRef> listing;

    /** A consumer of {@code endpoint} sending to {@code processor}. */
    public AstroCloudConsumer(AstroCloudEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.seen = new SeenObjects(endpoint.getIdempotentRepository());
    }

    @Override
    public AstroCloudEndpoint getEndpoint() {
        return (AstroCloudEndpoint) super.getEndpoint();
    }

    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            setHealthCheck(new AstroCloudReadinessCheck(getEndpoint(),
                    new ScheduledPollConsumerHealthCheck(this, "consumer:" + getRouteId())));
        }
        super.doBuild();
    }

    /** As Camel prints a consumer, with its endpoint's secrets masked ({@link AstroCloudEndpoint#toString()}). */
    @Override
    public String toString() {
        return Redaction.text(super.toString());
    }

    @Override
    protected int poll() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        String url = getEndpoint().getConfiguration().getUrl();
        return getEndpoint().namesPrefix(url) ? pollPrefix(url) : pollObject(url);
    }

    private int pollObject(String url) throws Exception {
        ScanResult result = getEndpoint().scanner().walk(ObjectRef.of(url));
        if (!result.ok()) {
            throw result.error();
        }
        return emit(result);
    }

    /**
     * Walks the prefix's objects not emitted before, at most maxMessagesPerPoll of them (when set):
     * the listing is then kept, and the next poll goes on with it, as camel-aws2-s3 carries its marker.
     */
    private int pollPrefix(String url) throws Exception {
        if (listing == null) {
            listing = ScanTargets.expand(getEndpoint().resolver(), List.of(url), getEndpoint().include());
        }
        Iterator<ObjectRef> unseen = StreamSupport.stream(Spliterators.spliteratorUnknownSize(listing,
                Spliterator.ORDERED), false).filter(ref -> !seen.listedAndSeen(ref)).iterator();
        int max = getMaxMessagesPerPoll();
        Iterator<ObjectRef> batch = max > 0 ? new Limited<>(unseen, max) : unseen;
        int sent = 0;
        boolean keepListing = false;
        try (Stream<ScanResult> results = getEndpoint().scanner().scan(batch)) {
            for (Iterator<ScanResult> it = results.iterator(); isBatchAllowed() && it.hasNext(); ) {
                ScanResult result = it.next();
                if (result.ok()) {
                    sent += emit(result);
                } else {
                    report(result);
                }
            }
            keepListing = listing.hasNext();
        } finally {
            if (!keepListing) {
                listing = null;
            }
        }
        return sent;
    }

    /** The first {@code max} items of an iterator, drawn lazily. */
    private static final class Limited<T> implements Iterator<T> {
        private final Iterator<T> items;
        private int left;

        Limited(Iterator<T> items, int max) {
            this.items = items;
            this.left = max;
        }

        @Override
        public boolean hasNext() {
            return left > 0 && items.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            left--;
            return items.next();
        }
    }

    /** Sends the object's HDUs unless this version of it was emitted before. */
    private int emit(ScanResult result) throws Exception {
        String key = SeenObjects.key(result.object(), result.info());
        if (!seen.claim(key)) {
            return 0;
        }
        Synchronization watch = seen.watch(key, result.hdus().size());
        Queue<Object> exchanges = new ArrayDeque<>();
        ObsCoreRows rows = ObsCoreRows.of(result.hdus(), result.info());
        for (Hdu hdu : result.hdus()) {
            Exchange exchange = createExchange(result, hdu, rows);
            exchange.getExchangeExtension().addOnCompletion(watch);
            exchanges.add(exchange);
        }
        int sent = processBatch(exchanges);
        if (sent < result.hdus().size()) {
            // Stopped part way (shutdown): emit the whole object again next time.
            seen.release(key);
        }
        return sent;
    }

    private Exchange createExchange(ScanResult result, Hdu hdu, ObsCoreRows rows) {
        Exchange exchange = createExchange(true);
        Message message = exchange.getIn();
        message.setBody(hdu);
        HduMessage.describeObject(message, result.object().url(), result.info());
        HduMessage.describeHdu(message, hdu);
        HduMessage.describeObservation(message, rows.row(hdu));
        HduMessage.keepRows(exchange, rows);
        return exchange;
    }

    /** Hands one object's failure to the exception handler (with bridgeErrorHandler, to the route). */
    private void report(ScanResult result) {
        Exchange exchange = createExchange(false);
        HduMessage.describeObject(exchange.getIn(), result.object().url(), result.info());
        exchange.setException(result.error());
        getExceptionHandler().handleException("Cannot walk " + Redaction.text(result.object().url()), exchange,
                result.error());
        releaseExchange(exchange, false);
    }

    /**
     * Sends one object's exchanges in HDU order, numbering them with the batch properties
     * (CamelBatchIndex, CamelBatchSize = the object's HDU count, CamelBatchComplete on the last).
     */
    @Override
    public int processBatch(Queue<Object> exchanges) {
        int total = exchanges.size();
        int sent = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
            sent++;
        }
        pendingExchanges = 0;
        return sent;
    }
}
