package io.astrocloud.samples.indexing;

import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.index.DynamoDbClients;
import io.astrocloud.index.HduMatch;
import io.astrocloud.index.HduRanges;
import io.astrocloud.index.IndexSchema;
import io.astrocloud.index.Indexer;
import io.astrocloud.index.NameKey;
import io.astrocloud.lambda.IndexerFactory;
import io.astrocloud.lambda.S3EventHandler;
import io.astrocloud.testkit.dynamo.TestDynamo;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The indexing-on-upload sample on embedded servers (S3Proxy and DynamoDB Local in this JVM, or
 * the endpoints in {@code ASTROCLOUD_TEST_S3_ENDPOINT} and {@code ASTROCLOUD_TEST_DYNAMODB_ENDPOINT}):
 * creates the bucket and the index table, uploads two small generated files and places a 44 GB
 * TESS-like cube (sparse, embedded S3Proxy only), delivers S3's event for each to the function,
 * then finds them through the index by target (any spelling) and by instrument, printing every step.
 */
public final class UploadWalkthrough {
    /** The bucket (as in samples/events). */
    public static final String BUCKET = "fits-archive";
    /** The index table. */
    public static final String TABLE = "astrocloud-index";
    /** Where the small file the sample events describe goes. */
    public static final String FIELD_7_KEY = "surveys/field 7/small+mef.fits";
    /** Where the TESS-like cube goes. */
    public static final String CUBE_KEY = "tess/tess-s0022-4-4-cube.fits";

    private UploadWalkthrough() {
    }

    /**
     * Runs the walkthrough on {@code s3} and {@code dynamo} with a new index table {@code table},
     * printing to {@code out}.
     */
    public static void run(TestS3 s3, TestDynamo dynamo, String table, PrintWriter out) throws IOException {
        try (DynamoDbClient client = DynamoDbClients.builder().applyMutation(dynamo::configure).build()) {
            s3.createBucket(BUCKET);
            IndexOnUpload.createTable(client, table);
            out.println("      bucket " + BUCKET + " at " + s3.endpoint() + "; table " + table + " (as template.yaml"
                    + " defines it) at " + dynamo.endpoint());
            S3EventHandler function = new S3EventHandler(
                    Indexer.create(s3.admin(), client, table, IndexerFactory.S3_RETRY));
            IndexOnUpload sample = new IndexOnUpload(s3.admin(), s3.region(), client, table, function);

            report(out, sample.upload(BUCKET, FIELD_7_KEY, SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(7, 2))));
            report(out, sample.upload(BUCKET, "surveys/field 8/small+mef.fits",
                    SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(8, 3))));
            if (s3.embedded() && placeCube(s3, out)) {
                report(out, sample.announce(BUCKET, CUBE_KEY));
            }

            out.println("      query index " + IndexSchema.BY_TARGET + ": target \"field 7\" (key "
                    + NameKey.of("field 7").orElseThrow() + ")");
            print(out, sample.findByTarget("field 7"));
            out.println("      query index " + IndexSchema.BY_INSTRUMENT + ": instrument \"TESS Photometer\" (key "
                    + NameKey.of("TESS Photometer").orElseThrow() + ", " + IndexSchema.INSTRUMENT_SHARDS + " shards)");
            print(out, sample.findByInstrument("TESS Photometer"));
        }
    }

    private static boolean placeCube(TestS3 s3, PrintWriter out) {
        try {
            s3.placeSparse(BUCKET, CUBE_KEY, SyntheticFits.tessCube());
            return true;
        } catch (IOException | UnsupportedOperationException noXattrs) {
            out.println("      (the 44 GB cube is skipped: this file system has no extended attributes for S3Proxy's ETag)");
            return false;
        }
    }

    private static void report(PrintWriter out, IndexOnUpload.Delivery delivery) {
        out.println("      S3 event for " + delivery.url() + " -> " + IndexOnUpload.FUNCTION + ": " + delivery.result());
        delivery.functionLog().forEach(line -> out.println("        log: " + line));
    }

    private static void print(PrintWriter out, List<HduMatch> found) {
        if (found.isEmpty()) {
            out.println("        (nothing found)");
        }
        for (HduMatch m : found) {
            out.println("        found " + describe(m));
        }
    }

    /** One index entry in a line: object URL, HDUs, product type and the names and start it has. */
    public static String describe(HduMatch m) {
        StringBuilder line = new StringBuilder(m.url()).append("  HDU ").append(HduRanges.format(m.hdus()));
        m.string(ObsCoreColumn.DATAPRODUCT_TYPE).ifPresent(t -> line.append(' ').append(t));
        for (ObsCoreColumn c : List.of(ObsCoreColumn.TARGET_NAME, ObsCoreColumn.FACILITY_NAME,
                ObsCoreColumn.INSTRUMENT_NAME)) {
            m.string(c).ifPresent(v -> line.append("  ").append(c.columnName()).append('=').append(v));
        }
        if (!m.obsTime().equals(IndexSchema.UNDATED)) {
            line.append("  start=").append(m.obsTime());
        }
        return line.toString();
    }

    /** Runs the walkthrough on servers started here. */
    public static void main(String[] args) throws IOException {
        PrintWriter out = new PrintWriter(System.out, true);
        try (TestS3 s3 = TestS3.start(); TestDynamo dynamo = TestDynamo.start()) {
            run(s3, dynamo, TABLE, out);
        }
        out.flush();
    }
}
