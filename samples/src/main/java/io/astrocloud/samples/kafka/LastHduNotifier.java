package io.astrocloud.samples.kafka;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Notices when an astrocloud consumer has delivered its object: the exchange of the object's last
 * HDU ({@code CamelBatchComplete}) completed, so its record is in Kafka (camel-kafka completes an
 * exchange when the broker acknowledged it). Or an exchange failed.
 */
final class LastHduNotifier extends EventNotifierSupport {
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile int hdus;
    private volatile Exception failure;

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event.getType() == CamelEvent.Type.ExchangeCompleted || event.getType() == CamelEvent.Type.ExchangeFailed;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        if (exchange.getException() != null) {
            failure = exchange.getException();
            done.countDown();
        } else if (exchange.getProperty(Exchange.BATCH_COMPLETE, false, Boolean.class)) {
            hdus = exchange.getProperty(Exchange.BATCH_SIZE, 0, Integer.class);
            done.countDown();
        }
    }

    /** Waits for the last HDU; returns the object's HDU count. */
    int await(String url, Duration timeout) throws Exception {
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the headers of " + url + " were not all sent within " + timeout.toSeconds()
                    + " s (is the URL readable? the route's log says why)");
        }
        if (failure != null) {
            throw failure;
        }
        return hdus;
    }
}
