package io.astrocloud.samples.indexing;

import io.astrocloud.index.DynamoDbClients;
import io.astrocloud.index.IndexSchema;
import io.astrocloud.index.Indexer;
import io.astrocloud.lambda.IndexerFactory;
import io.astrocloud.lambda.S3EventHandler;
import io.astrocloud.testkit.dynamo.TestDynamo;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The indexing-on-upload sample on embedded servers (S3Proxy and DynamoDB Local in this JVM, or
 * the endpoints in {@code ASTROCLOUD_TEST_S3_ENDPOINT} and {@code ASTROCLOUD_TEST_DYNAMODB_ENDPOINT}):
 * creates the bucket and the index table, uploads two small generated files and places a 44 GB
 * TESS-like cube (sparse, embedded S3Proxy only), delivers S3's event for each to the function,
 * then finds them through the index by OBJECT and by INSTRUME, printing every step.
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

            out.println("      query index " + IndexSchema.BY_OBJECT + ": objectName = \"FIELD-7\"");
            print(out, sample.findByObject("FIELD-7"));
            out.println("      query index " + IndexSchema.BY_INSTRUMENT + ": instrument = \"TESS Photometer\"");
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

    private static void print(PrintWriter out, List<Map<String, AttributeValue>> items) {
        if (items.isEmpty()) {
            out.println("        (nothing found)");
        }
        for (Map<String, AttributeValue> item : items) {
            out.println("        found " + describe(item));
        }
    }

    /** One index entry in a line: object URL, HDU, type and the promoted keywords it has. */
    public static String describe(Map<String, AttributeValue> item) {
        StringBuilder line = new StringBuilder("s3://").append(item.get(IndexSchema.S3_BUCKET).s()).append('/')
                .append(item.get(IndexSchema.S3_KEY).s()).append("  HDU ").append(item.get(IndexSchema.HDU_INDEX).n())
                .append(' ').append(item.get(IndexSchema.HDU_TYPE).s());
        String[][] shown = {{IndexSchema.OBJECT_NAME, "OBJECT"}, {IndexSchema.TELESCOPE, "TELESCOP"},
            {IndexSchema.INSTRUMENT, "INSTRUME"}, {IndexSchema.DATE_OBS, "DATE-OBS"}, {IndexSchema.EXTENSION_NAME, "EXTNAME"}};
        for (String[] s : shown) {
            AttributeValue v = item.get(s[0]);
            if (v != null) {
                line.append("  ").append(s[1]).append('=').append(v.s());
            }
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
