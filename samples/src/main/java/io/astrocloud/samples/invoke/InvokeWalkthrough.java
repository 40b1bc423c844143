package io.astrocloud.samples.invoke;

import io.astrocloud.index.DynamoDbClients;
import io.astrocloud.index.Indexer;
import io.astrocloud.lambda.IndexerFactory;
import io.astrocloud.lambda.S3EventHandler;
import io.astrocloud.samples.indexing.IndexOnUpload;
import io.astrocloud.samples.indexing.UploadWalkthrough;
import io.astrocloud.testkit.dynamo.TestDynamo;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.lambda.LocalContext;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The direct-invocation sample on embedded servers: the object samples/events/s3-put.json
 * describes is put in the bucket, then the function is invoked with s3-put.json and with
 * s3-delete.json as {@code sam local invoke IndexFunction -e FILE} would, printing each result
 * and log line.
 */
public final class InvokeWalkthrough {
    /** The event files, in order, from samples/events (on the class path as events/). */
    public static final List<String> EVENT_FILES = List.of("s3-put.json", "s3-delete.json");

    private InvokeWalkthrough() {
    }

    /** Runs the walkthrough with a new index table {@code table}, printing to {@code out}. */
    public static void run(TestS3 s3, TestDynamo dynamo, String table, PrintWriter out) throws IOException {
        try (DynamoDbClient client = DynamoDbClients.builder().applyMutation(dynamo::configure).build()) {
            s3.createBucket(UploadWalkthrough.BUCKET);
            s3.put(UploadWalkthrough.BUCKET, UploadWalkthrough.FIELD_7_KEY,
                    SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(7, 2)));
            IndexOnUpload.createTable(client, table);
            S3EventHandler function = new S3EventHandler(
                    Indexer.create(s3.admin(), client, table, IndexerFactory.S3_RETRY));
            for (String file : EVENT_FILES) {
                out.println("      $ sam local invoke " + IndexOnUpload.FUNCTION + " -e samples/events/" + file
                        + "   (here: LocalInvoke, the Lambda runtime's serialization)");
                List<String> log = new ArrayList<>();
                String result = LocalInvoke.invoke(function, eventFile(file),
                        new LocalContext(IndexOnUpload.FUNCTION, LocalInvoke.TIMEOUT, log::add));
                log.forEach(line -> out.println("        log: " + line));
                out.println("        result: " + result);
            }
        }
    }

    /** An event file from samples/events, as packaged on the class path. */
    public static String eventFile(String name) throws IOException {
        try (InputStream in = InvokeWalkthrough.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IOException("no event file events/" + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
