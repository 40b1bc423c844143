package io.astrocloud.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.index.HeaderReader;
import io.astrocloud.index.IndexOutcome;
import io.astrocloud.index.IndexSchema;
import io.astrocloud.index.IndexTable;
import io.astrocloud.index.IndexedObject;
import io.astrocloud.index.ObjectEvent;
import io.astrocloud.index.ObjectItems;
import io.astrocloud.index.ObjectVersion;
import io.astrocloud.index.S3Notifications;
import io.astrocloud.index.Sequencer;
import io.astrocloud.lambda.log.FunctionLog;
import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.source.TransferStats;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised function, runs the path an
 * event takes on inputs that change nothing, so that the classes it loads, the code it runs cold and
 * the SDK's lazily built parts are in the snapshot instead of being paid for by the first event after
 * every restore. It does, in order:
 * <ol>
 *   <li>a consistent GetItem, a Query and a BatchWriteItem deleting an item that does not exist
 *       (nothing changes), of a key no object can have ({@value #PRIMING_URL}: S3 bucket names have
 *       no underscore);</li>
 *   <li>a ranged GET of a missing key in the stack's bucket (answered 404, or 403 without
 *       {@code s3:ListBucket}), through the core's source tier as an event's read goes;</li>
 *   <li>a small FITS file built in memory through the header walker, the describer (ObsCore, with its
 *       world coordinates), the item mappers (the file item's compressed blob, the HDU items), an S3
 *       notification through the JSON parser, and an outcome line through the log's JSON writer (to a
 *       logger that discards it).</li>
 * </ol>
 * Its requests are sent with {@code Connection: close} ({@link SnapshotConnections}): no connection is
 * kept in the snapshot. A step that fails is logged and skipped; priming never fails the deployment.
 */
public final class SnapStartPriming implements Resource {
    /** The object URL priming asks the table about: no S3 object has it. */
    public static final String PRIMING_URL = "s3://astrocloud_priming/never-indexed.fits";
    /** The key priming reads from the stack's bucket (not a FITS suffix: no event ever names it). */
    public static final String MISSING_KEY = ".astrocloud/priming/missing-object";
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    /** Held strongly: org.crac keeps registered resources only weakly. */
    private static final List<SnapStartPriming> REGISTERED = new ArrayList<>();

    private final IndexTable table;
    private final HeaderReader reader;
    private final String bucket;
    private final SnapshotConnections connections;

    SnapStartPriming(IndexTable table, HeaderReader reader, String bucket, SnapshotConnections connections) {
        this.table = table;
        this.reader = reader;
        this.bucket = bucket;
        this.connections = connections;
    }

    /** Registers {@code priming} with the JVM's checkpoint coordination (a no-op outside SnapStart). */
    static void register(SnapStartPriming priming) {
        synchronized (REGISTERED) {
            REGISTERED.add(priming);
        }
        Core.getGlobalContext().register(priming);
    }

    /** The primings registered in this JVM (for running them outside SnapStart: tests, benchmarks). */
    static List<SnapStartPriming> registered() {
        synchronized (REGISTERED) {
            return List.copyOf(REGISTERED);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to reopen: the clients connect on first use.
    }

    /** Runs the priming path; returns the steps that completed (a failed step is logged, not thrown). */
    public List<String> prime() {
        long start = System.nanoTime();
        List<String> done = new ArrayList<>();
        connections.closeEach();
        try {
            step(done, "dynamodb", this::primeTable);
            if (bucket != null) {
                step(done, "s3", this::primeS3);
            }
            step(done, "fits", SnapStartPriming::primeFitsAndJson);
        } finally {
            int closed = connections.keepAlive();
            LOG.info("SnapStart priming: {} in {} ms; {} connections, each closed after its response", done,
                    (System.nanoTime() - start) / 1_000_000, closed);
        }
        return done;
    }

    private static void step(List<String> done, String name, Step step) {
        try {
            step.run();
            done.add(name);
        } catch (Exception | LinkageError e) {
            LOG.warn("SnapStart priming step {} failed: {}", name, e.toString());
        }
    }

    private void primeTable() {
        if (table.state(PRIMING_URL) != null || !table.versionedItems(PRIMING_URL).isEmpty()) {
            throw new IllegalStateException("the table holds items for " + PRIMING_URL);
        }
        table.write(PRIMING_URL, List.of(), List.of(IndexSchema.hduItemKey("0000000000000000", 0)));
    }

    private void primeS3() throws Exception {
        ObjectEvent missing = ObjectEvent.created(bucket, MISSING_KEY, null, -1, null, Sequencer.NONE);
        try {
            reader.read(missing);
        } catch (io.astrocloud.source.SourceException expected) {
            // NOT_FOUND (404), or ACCESS_DENIED (403: the role may not list the bucket): the path is primed.
            return;
        }
        throw new IllegalStateException("s3://" + bucket + "/" + MISSING_KEY + " exists");
    }

    private static void primeFitsAndJson() throws Exception {
        byte[] fits = smallFits();
        TransferStats stats;
        ObjectVersion object = new ObjectVersion("astrocloud_priming", "never-indexed.fits", null, fits.length,
                "d41d8cd98f00b204e9800998ecf8427e");
        List<Hdu> hdus;
        try (HeaderWalk walk = HeaderWalk.over(new MemoryRangeSource(PRIMING_URL, fits), HeaderReader.WALK)) {
            hdus = walk.toList();
            stats = walk.stats();
        }
        Sequencer seq = Sequencer.of("0065A1B2C3D4E5F601");
        IndexedObject indexed = IndexedObject.indexed(new HeaderReader.FileHeaders(object, hdus, List.of(),
                stats.requests(), stats.bytesFetched()), seq, Instant.now());
        ObjectItems.encode(indexed);
        List<ObjectEvent> events = S3Notifications.parse("{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":"
                + "\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"astrocloud-priming\"},"
                + "\"object\":{\"key\":\"never+indexed.fits\",\"size\":" + fits.length + ",\"eTag\":"
                + "\"d41d8cd98f00b204e9800998ecf8427e\",\"sequencer\":\"0065A1B2C3D4E5F601\"}}}]}");
        IndexOutcome outcome = new IndexOutcome(IndexOutcome.Result.INDEXED, PRIMING_URL, hdus.size(), "primed",
                stats.requests(), stats.bytesFetched());
        new EventLog(DISCARD, FunctionLog.ofProcess(), null, "priming").outcome(events.get(0), outcome, 0);
    }

    /** A primary header with a small image and a binary-table extension, as 2880-byte blocks. */
    static byte[] smallFits() {
        StringBuilder s = new StringBuilder();
        header(s, "SIMPLE  =                    T", "BITPIX  =                   16", "NAXIS   =                    2",
                "NAXIS1  =                    4", "NAXIS2  =                    4", "EXTEND  =                    T",
                "OBJECT  = 'NGC 1316'", "TELESCOP= 'HST     '", "INSTRUME= 'WFC3    '", "FILTER  = 'F160W   '",
                "DATE-OBS= '2011-02-12T05:31:44'", "EXPTIME =                 30.5", "RA_TARG =         50.673825",
                "DEC_TARG=        -37.208227", "CTYPE1  = 'RA---TAN'", "CTYPE2  = 'DEC--TAN'",
                "CRVAL1  =            50.673825", "CRVAL2  =           -37.208227", "CRPIX1  =                  2.5",
                "CRPIX2  =                  2.5", "CDELT1  =             -0.00003", "CDELT2  =              0.00003",
                "HISTORY primed before the snapshot");
        s.append(" ".repeat(2880));
        header(s, "XTENSION= 'BINTABLE'", "BITPIX  =                    8", "NAXIS   =                    2",
                "NAXIS1  =                    8", "NAXIS2  =                    1", "PCOUNT  =                    0",
                "GCOUNT  =                    1", "TFIELDS =                    1", "TTYPE1  = 'TIME    '",
                "TFORM1  = 'D       '", "EXTNAME = 'EVENTS  '");
        s.append(" ".repeat(2880));
        byte[] bytes = s.toString().getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(bytes, 2880, 5760, (byte) 0);
        java.util.Arrays.fill(bytes, 8640, 11520, (byte) 0);
        return bytes;
    }

    private static void header(StringBuilder s, String... cards) {
        int start = s.length();
        for (String c : cards) {
            s.append(String.format("%-80s", c));
        }
        s.append(String.format("%-80s", "END"));
        while ((s.length() - start) % 2880 != 0) {
            s.append(' ');
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static final LambdaLogger DISCARD = new LambdaLogger() {
        @Override
        public void log(String message) {
        }

        @Override
        public void log(byte[] message) {
        }
    };
}
