package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every interleaving of two events on one object, at the granularity of DynamoDB requests, against
 * DynamoDB Local: the first event stops before its k-th request, the second runs to its j-th request
 * (or to its end), the first finishes, then the second; for every k and j, with either event first.
 * And every failure: the first event fails at its k-th request (throttled past the retries), the
 * second runs whole, the first is redelivered. At every stop, once the newer event's commit is in
 * the table no read path returns the older version; at the end the table holds the newer version
 * and nothing else.
 *
 * <p>The objects live in {@link VersionedObjects} (a versioned bucket in memory): S3Proxy keeps only
 * the current bytes of a key, so there the older event's read would fail instead of racing.
 */
class InterleavingTest {
    private static final AtomicInteger NAMES = new AtomicInteger(100);
    private static IndexFixture f;
    private static final VersionedObjects STORE = new VersionedObjects();
    private static Runner a;
    private static Runner b;

    @BeforeAll
    static void start() {
        f = IndexFixture.withTable("interleavings");
        a = new Runner();
        b = new Runner();
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    /** Two events on one key, the first older than the second. */
    enum Pair {
        /** Two uploads: 4 HDUs, then 2. */
        TWO_UPLOADS,
        /** An upload, then a removal. */
        UPLOAD_THEN_REMOVAL,
        /** A removal, then an upload. */
        REMOVAL_THEN_UPLOAD,
        /** A backfill of the bytes the listing saw, and the S3 event of a newer upload. */
        BACKFILL_AND_UPLOAD
    }

    /** The two events and what the index must say once both are applied. */
    private record Case(String key, ObjectEvent older, ObjectEvent newer, String olderName, String newerName) {
        String url() {
            return "s3://" + IndexFixture.BUCKET + "/" + key;
        }
    }

    private static Case newCase(Pair pair, String key) {
        int a = NAMES.incrementAndGet();
        int b = NAMES.incrementAndGet();
        String olderName = "FIELD-" + a;
        String newerName = "FIELD-" + b;
        switch (pair) {
            case TWO_UPLOADS:
                return new Case(key, STORE.put(key, fits(a, 3), seq()), STORE.put(key, fits(b, 1), seq()), olderName,
                        newerName);
            case UPLOAD_THEN_REMOVAL: {
                ObjectEvent older = STORE.put(key, fits(a, 2), seq());
                return new Case(key, older, STORE.remove(key, seq()), olderName, null);
            }
            case REMOVAL_THEN_UPLOAD: {
                ObjectEvent older = STORE.remove(key, seq());
                return new Case(key, older, STORE.put(key, fits(b, 2), seq()), null, newerName);
            }
            default: {
                ObjectEvent listed = STORE.put(key, fits(a, 2), Sequencer.NONE);
                ObjectEvent backfill = ObjectEvent.created(listed.bucket(), key, null, listed.size(), listed.etag(),
                        Sequencer.NONE);
                return new Case(key, backfill, STORE.put(key, fits(b, 1), seq()), olderName, newerName);
            }
        }
    }

    private static Sequencer seq() {
        return Sequencer.of(IndexFixture.nextSequencer());
    }

    private static byte[] fits(int sequence, int extensions) {
        return SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(sequence, extensions));
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void everyInterleavingEndsWithTheNewerVersionAlone(Pair pair) throws Exception {
        int schedules = 0;
        for (boolean olderFirst : new boolean[] {true, false}) {
            for (int k = 1; ; k++) {
                boolean firstStopped = false;
                for (int j = 1; ; j++) {
                    Case c = newCase(pair, "interleave/" + pair + "/" + olderFirst + "-" + k + "-" + j + ".fits");
                    String schedule = pair + (olderFirst ? ", older" : ", newer") + " first stopped at request " + k
                            + ", the other at " + j;
                    boolean[] stopped = run(c, olderFirst, k, j, schedule);
                    schedules++;
                    firstStopped = stopped[0];
                    if (!firstStopped || !stopped[1]) {
                        break;
                    }
                }
                if (!firstStopped) {
                    break;
                }
            }
        }
        System.out.println(pair + ": " + schedules + " schedules");
        assertThat(schedules).isGreaterThan(20);
    }

    @ParameterizedTest
    @EnumSource(Pair.class)
    void aFailureAtAnyRequestIsMendedByTheRedelivery(Pair pair) throws Exception {
        for (boolean olderFails : new boolean[] {true, false}) {
            for (int k = 1; ; k++) {
                Case c = newCase(pair, "failure/" + pair + "/" + olderFails + "-" + k + ".fits");
                String schedule = pair + (olderFails ? ", older" : ", newer") + " failing at request " + k;
                ObjectEvent failing = olderFails ? c.older() : c.newer();
                ObjectEvent other = olderFails ? c.newer() : c.older();
                boolean failed = a.with(Choreography.failAt(r -> true, k)).applyCatching(failing);
                a.with(Choreography.none()).apply(other);
                a.apply(failing);
                assertFinal(c, schedule);
                if (!failed) {
                    break;
                }
            }
        }
    }

    /** Runs one schedule; returns whether each event reached its stop. */
    private static boolean[] run(Case c, boolean olderFirst, int k, int j, String schedule) throws Exception {
        Choreography first = Choreography.pauseAt(r -> true, k);
        Choreography second = Choreography.pauseAt(r -> true, j);
        CompletableFuture<IndexOutcome> one = a.with(first).start(olderFirst ? c.older() : c.newer());
        boolean firstStopped = first.awaitArrival(one);
        CompletableFuture<IndexOutcome> two = b.with(second).start(olderFirst ? c.newer() : c.older());
        boolean secondStopped = second.awaitArrival(two);
        assertReadsNeverGoBack(c, schedule + " (both stopped)");
        first.release();
        one.get(30, TimeUnit.SECONDS);
        assertReadsNeverGoBack(c, schedule + " (first done)");
        second.release();
        two.get(30, TimeUnit.SECONDS);
        assertFinal(c, schedule);
        return new boolean[] {firstStopped, secondStopped};
    }

    /** Once the newer event's commit is in the table, nothing of the older version is returned. */
    private static void assertReadsNeverGoBack(Case c, String schedule) {
        Optional<IndexedObject> committed = f.reader().object(c.url());
        if (committed.isEmpty() || committed.get().sequencer().compareTo(c.newer().sequencer()) < 0) {
            return;
        }
        if (c.olderName() != null) {
            assertThat(f.reader().byTarget(c.olderName())).as(schedule).isEmpty();
        }
    }

    /** The table holds the newer version, its HDU items and nothing else. */
    private static void assertFinal(Case c, String schedule) {
        IndexedObject committed = f.reader().object(c.url()).orElseThrow();
        assertThat(committed.sequencer()).as(schedule).isEqualTo(c.newer().sequencer());
        List<Map<String, AttributeValue>> items = f.items(c.url());
        assertThat(items).as(schedule + ": every item of the committed version")
                .allSatisfy(i -> assertThat(i.get(IndexSchema.VERSION).s()).isEqualTo(committed.version()));
        List<Map<String, AttributeValue>> expected = new ArrayList<>(HduItems.of(committed));
        assertThat(f.hduItems(c.url())).as(schedule).hasSameSizeAs(expected);
        if (c.olderName() != null) {
            assertThat(f.reader().byTarget(c.olderName())).as(schedule).isEmpty();
        }
        if (c.newerName() != null) {
            assertThat(committed.status()).as(schedule).isEqualTo(IndexSchema.FileStatus.INDEXED);
            assertThat(committed.object().etag()).as(schedule).isEqualTo(c.newer().etag());
            assertThat(f.reader().byTarget(c.newerName())).as(schedule).singleElement()
                    .satisfies(m -> assertThat(m.url()).isEqualTo(c.url()));
        } else {
            assertThat(committed.status()).as(schedule).isEqualTo(IndexSchema.FileStatus.DELETED);
            assertThat(items).as(schedule).hasSize(1);
        }
    }

    /** An indexer over its own DynamoDB client, whose requests follow the choreography of the schedule. */
    private static final class Runner implements AutoCloseable, ExecutionInterceptor {
        private final DynamoDbClient client;
        private final Indexer indexer;
        private volatile Choreography choreography = Choreography.none();

        Runner() {
            DynamoDbClientBuilder builder = DynamoDbClients.builder().applyMutation(IndexFixture.dynamo()::configure);
            client = builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(this).build()).build();
            indexer = new Indexer(STORE, new IndexTable(client, f.table), Clock.systemUTC());
        }

        Runner with(Choreography next) {
            choreography = next;
            return this;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            choreography.beforeExecution(context, attributes);
        }

        CompletableFuture<IndexOutcome> start(ObjectEvent e) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return indexer.apply(e);
                } catch (IndexingException ex) {
                    throw new IllegalStateException(ex);
                }
            });
        }

        IndexOutcome apply(ObjectEvent e) throws IndexingException {
            return indexer.apply(e);
        }

        /** Applies {@code e}; true when it failed (as an event source would see it). */
        boolean applyCatching(ObjectEvent e) {
            try {
                indexer.apply(e);
                return false;
            } catch (IndexingException | RuntimeException failed) {
                return true;
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
