package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.source.RetryPolicy;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * What one event costs in DynamoDB, as DynamoDB Local reports it ({@link CapacityMeter}:
 * {@code ReturnConsumedCapacity=INDEXES} on every request), with the Lambda's own classes over S3Proxy:
 * write units of the commit (the file item's PutItem) apart from the HDU items' (BatchWriteItem: the
 * table's units and the secondary indexes'), read units, calls and request bytes. Prints the table
 * that README.md's "What an event costs" reproduces, and holds the targets: at most 6 write units for
 * a 3-HDU file and 25 for the 81-HDU HST-like file, HDU items and index writes included, and at most
 * 4 calls besides the batches.
 */
class WriteCostTest {
    private static IndexFixture f;
    private static CapacityMeter meter;
    private static Indexer indexer;
    private static final List<String> ROWS = new ArrayList<>();

    @BeforeAll
    static void meteredIndexer() {
        f = IndexFixture.withTable("write-cost");
        meter = new CapacityMeter();
        DynamoDbClientBuilder builder = DynamoDbClients.builder().applyMutation(IndexFixture.dynamo()::configure);
        DynamoDbClient metered = builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(meter).build()).build();
        indexer = Indexer.create(f.s3Client, metered, f.table, new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    private static CapacityMeter.Cost measure(String what, ObjectEvent e, IndexOutcome.Result expected) throws Exception {
        CapacityMeter.Cost before = meter.cost();
        assertThat(indexer.apply(e).result()).as(what).isEqualTo(expected);
        CapacityMeter.Cost c = meter.cost().minus(before);
        ROWS.add(row(what, c, 1));
        return c;
    }

    private static String row(String what, CapacityMeter.Cost c, int events) {
        double commit = c.writes("PutItem") / events;
        double batches = c.writes("BatchWriteItem") / events;
        double indexes = c.indexWrites() / events;
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f (%.1f) | %.1f | %.1f | %s | %,d |", what,
                c.writes() / events, commit, batches, indexes, c.reads() / events,
                (double) c.totalCalls() / events, calls(c, events), c.bytesSent() / events);
    }

    private static String calls(CapacityMeter.Cost c, int events) {
        StringBuilder s = new StringBuilder();
        c.calls().forEach((op, n) -> s.append(s.length() == 0 ? "" : ", ").append(op).append(' ')
                .append(events == 1 ? Long.toString(n) : String.format(Locale.ROOT, "%.1f", (double) n / events)));
        return s.toString();
    }

    private static long nonBatchCalls(CapacityMeter.Cost c) {
        return c.totalCalls() - c.calls("BatchWriteItem");
    }

    @Test
    void eventsCostWhatTheTargetsAllow() throws Exception {
        byte[] three = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(7, 2));
        CapacityMeter.Cost first = measure("3-HDU file, first upload", f.upload("cost/three.fits", three),
                IndexOutcome.Result.INDEXED);
        assertThat(first.writes()).as("write units, 3 HDUs").isLessThanOrEqualTo(6);
        assertThat(nonBatchCalls(first)).isLessThanOrEqualTo(4);
        ObjectEvent again = f.upload("cost/three.fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(8, 2)));
        CapacityMeter.Cost replaced = measure("3-HDU file, replaced by a new upload", again, IndexOutcome.Result.INDEXED);
        assertThat(nonBatchCalls(replaced)).isLessThanOrEqualTo(4);
        CapacityMeter.Cost duplicate = measure("3-HDU file, the same event again", again, IndexOutcome.Result.UNCHANGED);
        assertThat(duplicate.writes()).isZero();
        CapacityMeter.Cost removed = measure("3-HDU file, removed", ObjectEvent.removed(ObjectEvent.Change.REMOVED,
                IndexFixture.BUCKET, "cost/three.fits", null, Sequencer.of(IndexFixture.nextSequencer())),
                IndexOutcome.Result.REMOVED);
        assertThat(nonBatchCalls(removed)).isLessThanOrEqualTo(4);

        Assumptions.assumeTrue(IndexFixture.s3().embedded(), "the 266 MB HST-like file is placed sparse in S3Proxy");
        long size = IndexFixture.s3().placeSparse(IndexFixture.BUCKET, "cost/ibxl50clq_raw.fits", SyntheticFits.hstWfc3Ir(16));
        String etag = f.s3Client.headObject(h -> h.bucket(IndexFixture.BUCKET).key("cost/ibxl50clq_raw.fits")).eTag();
        CapacityMeter.Cost hst = measure("81-HDU HST-like file", ObjectEvent.created(IndexFixture.BUCKET,
                "cost/ibxl50clq_raw.fits", null, size, ObjectVersion.bareEtag(etag),
                Sequencer.of(IndexFixture.nextSequencer())), IndexOutcome.Result.INDEXED);
        assertThat(hst.writes()).as("write units, 81 HDUs").isLessThanOrEqualTo(25);
        assertThat(nonBatchCalls(hst)).isLessThanOrEqualTo(4);

        CapacityMeter.Cost before = meter.cost();
        double most = 0;
        for (Path file : Corpus.files()) {
            CapacityMeter.Cost one = meter.cost();
            indexer.apply(f.upload("cost/corpus/" + file.getFileName(), Files.readAllBytes(file)));
            CapacityMeter.Cost c = meter.cost().minus(one);
            most = Math.max(most, c.writes());
            assertThat(nonBatchCalls(c)).as(file.getFileName().toString()).isLessThanOrEqualTo(4);
        }
        CapacityMeter.Cost corpus = meter.cost().minus(before);
        ROWS.add(row("30 corpus files, mean per file (most: " + (int) most + ")", corpus, 30));

        System.out.println("| event | write units | commit (PutItem) | HDU items (BatchWriteItem) (of which index writes) "
                + "| read units | calls | by operation | request bytes |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        ROWS.forEach(System.out::println);
    }
}
