package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * S3's delivery at its worst, at random and at once, against DynamoDB Local: {@value #DEFAULT_EVENTS}
 * deliveries over {@value #DEFAULT_OBJECTS} objects (uploads, invalid files, removals; each event
 * delivered up to three times; backfills of the objects' current bytes among them), shuffled, applied
 * by eight workers at once, with DynamoDB requests failing at random before or after they are applied
 * (an event that fails is delivered again later, as SQS or Lambda would). Meanwhile a reader checks
 * that no read path ever returns a version older than one whose event has been acknowledged; at the
 * end, each object's index is exactly its last version.
 *
 * <p>Larger runs: {@code -Dindex.storm.events=20000 -Dindex.storm.objects=200}; another draw:
 * {@code -Dindex.storm.seed=N}. The objects live in {@link VersionedObjects} (S3Proxy keeps no
 * versions, so older events could not race newer ones there).
 */
class DeliveryStormTest {
    static final int DEFAULT_EVENTS = 1000;
    static final int DEFAULT_OBJECTS = 50;
    private static final int WORKERS = 8;
    private static final double FAILURE_RATE = 0.03;

    /** One version of one object, with what identifies it in the index. */
    private record Version(String url, ObjectEvent event, String target, IndexSchema.FileStatus status) {
    }

    @Test
    void everyObjectEndsAtItsLastVersionAndNoReadEverGoesBack() throws Exception {
        int events = Integer.getInteger("index.storm.events", DEFAULT_EVENTS);
        int objects = Integer.getInteger("index.storm.objects", DEFAULT_OBJECTS);
        Random rnd = new Random(Long.getLong("index.storm.seed", 16L));
        IndexFixture f = IndexFixture.withTable("delivery-storm");
        VersionedObjects store = new VersionedObjects();

        Map<String, List<Version>> history = new HashMap<>();
        Map<String, Version> byTarget = new HashMap<>();
        Map<String, Sequencer> sequencerOf = new HashMap<>();
        List<ObjectEvent> deliveries = new ArrayList<>();
        for (int n = 0; deliveries.size() < events; n++) {
            String key = "storm/object-" + rnd.nextInt(objects) + ".fits";
            Sequencer seq = Sequencer.of(IndexFixture.nextSequencer());
            double kind = rnd.nextDouble();
            Version v;
            if (kind < 0.2) {
                v = new Version("s3://" + IndexFixture.BUCKET + "/" + key, store.remove(key, seq), null,
                        IndexSchema.FileStatus.DELETED);
            } else if (kind < 0.25) {
                byte[] text = ("not FITS, version " + n).getBytes(StandardCharsets.US_ASCII);
                ObjectEvent e = store.put(key, text, seq);
                v = new Version(e.objectUrl(), e, null, IndexSchema.FileStatus.INVALID);
            } else {
                int name = 10_000 + n;
                ObjectEvent e = store.put(key, SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(name,
                        rnd.nextInt(4))), seq);
                v = new Version(e.objectUrl(), e, "FIELD-" + name, IndexSchema.FileStatus.INDEXED);
                byTarget.put(v.target(), v);
            }
            history.computeIfAbsent(v.url(), u -> new ArrayList<>()).add(v);
            sequencerOf.put(IndexVersion.of(seq, v.status(), v.event().etag()), seq);
            if (v.event().etag() != null) {
                // What a backfill of these bytes would commit: no sequencer, before every event.
                sequencerOf.put(IndexVersion.of(Sequencer.NONE, v.status(), v.event().etag()), Sequencer.NONE);
            }
            int copies = 1 + (rnd.nextDouble() < 0.4 ? 1 : 0) + (rnd.nextDouble() < 0.1 ? 1 : 0);
            for (int c = 0; c < copies; c++) {
                deliveries.add(v.event());
            }
            if (rnd.nextDouble() < 0.1) {
                deliveries.add(ObjectEvent.created(IndexFixture.BUCKET, key, null, -1, null, Sequencer.NONE));
            }
        }
        Collections.shuffle(deliveries, rnd);

        Faults faults = new Faults();
        DynamoDbClientBuilder builder = DynamoDbClients.builder().applyMutation(IndexFixture.dynamo()::configure);
        DynamoDbClient client = builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(faults).build()).build();
        Indexer indexer = new Indexer(store, new IndexTable(client, f.table), Clock.systemUTC());
        Map<String, Sequencer> acknowledged = new ConcurrentHashMap<>();
        List<ObjectEvent> pending = Collections.synchronizedList(new ArrayList<>(deliveries));
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
        try {
            Future<Integer> reads = pool.submit(() -> readNeverGoesBack(f.reader(), history, byTarget, sequencerOf,
                    acknowledged, done));
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(pool.submit(() -> {
                    while (true) {
                        ObjectEvent e;
                        synchronized (pending) {
                            if (pending.isEmpty()) {
                                if (inFlight.get() == 0) {
                                    return null;
                                }
                                e = null;
                            } else {
                                e = pending.remove(0);
                                inFlight.incrementAndGet();
                            }
                        }
                        if (e == null) {
                            Thread.sleep(2);
                            continue;
                        }
                        try {
                            indexer.apply(e);
                            applied.incrementAndGet();
                            if (!e.sequencer().isNone()) {
                                acknowledged.merge(e.objectUrl(), e.sequencer(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                            }
                        } catch (IndexingException | RuntimeException failure) {
                            // Redelivered later, somewhere in what is still to come.
                            failed.incrementAndGet();
                            synchronized (pending) {
                                pending.add(ThreadLocalRandom.current().nextInt(pending.size() + 1), e);
                            }
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get(10, TimeUnit.MINUTES);
            }
            done.set(true);
            int readChecks = reads.get(1, TimeUnit.MINUTES);
            System.out.printf("%,d deliveries over %d objects (%,d versions): %,d applied, %,d failed and redelivered, "
                            + "%,d requests failed, %,d concurrent read checks, %.1f s%n", deliveries.size(), history.size(),
                    history.values().stream().mapToInt(List::size).sum(), applied.get(), failed.get(), faults.injected.get(), readChecks,
                    (System.nanoTime() - start) / 1e9);
            assertThat(failed.get()).as("failures were injected and redelivered").isPositive();
            assertThat(readChecks).isPositive();
        } finally {
            pool.shutdownNow();
        }
        faults.rate = 0;

        for (Map.Entry<String, List<Version>> object : history.entrySet()) {
            Version last = object.getValue().get(object.getValue().size() - 1);
            String url = object.getKey();
            IndexedObject committed = f.reader().object(url).orElseThrow();
            assertThat(committed.sequencer()).as(url).isEqualTo(last.event().sequencer());
            assertThat(committed.status()).as(url).isEqualTo(last.status());
            assertThat(f.items(url)).as(url + ": items of the last version only")
                    .allSatisfy(i -> assertThat(i.get(IndexSchema.VERSION).s()).isEqualTo(committed.version()));
            assertThat(f.hduItems(url)).as(url).hasSameSizeAs(HduItems.of(committed));
            for (Version v : object.getValue()) {
                if (v.target() != null) {
                    assertThat(f.reader().byTarget(v.target())).as(url + " " + v.target()).hasSize(v == last
                            ? HduItems.of(committed).size() : 0);
                }
            }
        }
        client.close();
    }

    /**
     * Reads while the workers write: an object's entry, and HDUs by target name and by instrument.
     * Nothing returned may be older than the newest event acknowledged (applied without failure)
     * for its object before the read began. Returns the checks made.
     */
    private static int readNeverGoesBack(IndexReader reader, Map<String, List<Version>> history,
                                         Map<String, Version> byTarget, Map<String, Sequencer> sequencerOf,
                                         Map<String, Sequencer> acknowledged, AtomicBoolean done) {
        List<String> urls = new ArrayList<>(history.keySet());
        List<String> targets = new ArrayList<>(byTarget.keySet());
        Random rnd = new Random(7);
        int checks = 0;
        while (!done.get()) {
            Map<String, Sequencer> floor = new HashMap<>(acknowledged);
            String url = urls.get(rnd.nextInt(urls.size()));
            reader.object(url).ifPresent(o -> assertThat(o.sequencer()).as(url)
                    .isGreaterThanOrEqualTo(floor.getOrDefault(url, Sequencer.NONE)));
            Version v = byTarget.get(targets.get(rnd.nextInt(targets.size())));
            for (HduMatch m : reader.byTarget(v.target())) {
                assertThat(sequencerOf.get(m.version())).as(v.target())
                        .isGreaterThanOrEqualTo(floor.getOrDefault(m.url(), Sequencer.NONE));
            }
            for (HduMatch m : reader.byInstrument("CAM" + rnd.nextInt(3))) {
                assertThat(sequencerOf.get(m.version())).as(m.url())
                        .isGreaterThanOrEqualTo(floor.getOrDefault(m.url(), Sequencer.NONE));
            }
            checks += 3;
        }
        return checks;
    }

    /**
     * Fails DynamoDB requests at random: before they reach DynamoDB (throttled past the retries) or
     * after DynamoDB applied them (the answer lost), each at {@link #FAILURE_RATE}.
     */
    private static final class Faults implements ExecutionInterceptor {
        volatile double rate = FAILURE_RATE;
        final AtomicInteger injected = new AtomicInteger();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (ThreadLocalRandom.current().nextDouble() < rate / 2) {
                injected.incrementAndGet();
                throw IndexTable.throttled("throttled past the retries (injected)");
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (ThreadLocalRandom.current().nextDouble() < rate / 2) {
                injected.incrementAndGet();
                throw new IllegalStateException("the answer was lost after DynamoDB applied the request (injected)");
            }
        }
    }
}
