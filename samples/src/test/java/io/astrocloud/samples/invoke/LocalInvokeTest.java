package io.astrocloud.samples.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.index.IndexedHdu;
import io.astrocloud.index.Indexer;
import io.astrocloud.json.FitsJson;
import io.astrocloud.lambda.BatchOperationsHandler;
import io.astrocloud.lambda.EventBridgeHandler;
import io.astrocloud.lambda.IndexerFactory;
import io.astrocloud.lambda.SqsEventHandler;
import io.astrocloud.samples.AwsServers;
import io.astrocloud.samples.indexing.IndexOnUpload;
import io.astrocloud.samples.indexing.UploadWalkthrough;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.lambda.LocalContext;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event files of samples/events fed to the handlers as {@code sam local invoke -e} would, by
 * {@link LocalInvoke} (the Lambda runtime's serialization both ways), against S3Proxy and
 * DynamoDB Local holding the objects the events describe. SAM and the Lambda runtime cannot run
 * here: the test kit's {@link LocalContext} stands in for the runtime's Context, and one test runs the runner
 * as its own process, configured only by the environment the template gives the function.
 */
class LocalInvokeTest {
    static final Path EVENTS = Path.of("events");
    static final String URL = "s3://fits-archive/" + UploadWalkthrough.FIELD_7_KEY;

    private final List<String> log = new ArrayList<>();
    private final LocalContext context = new LocalContext("IndexFunction", LocalInvoke.TIMEOUT, log::add);
    private String table;
    private Indexer indexer;

    /** The objects the sample events describe: same keys, sizes and ETags. */
    @BeforeAll
    static void uploadTheObjectsTheEventsDescribe() {
        TestS3 s3 = AwsServers.s3();
        s3.createBucket(UploadWalkthrough.BUCKET);
        s3.put(UploadWalkthrough.BUCKET, UploadWalkthrough.FIELD_7_KEY,
                SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(7, 2)));
        assertThat(s3.admin().headObject(b -> b.bucket(UploadWalkthrough.BUCKET).key(UploadWalkthrough.FIELD_7_KEY))
                .eTag()).as("ETag in events/s3-put.json").isEqualTo("\"913b33ea40861323cbf0eaf2e40d180d\"");
        s3.put(UploadWalkthrough.BUCKET, "uploads/notes.fits",
                "This is not a FITS file, just text that someone named .fits by mistake.\n".getBytes(StandardCharsets.US_ASCII));
    }

    @BeforeEach
    void newTable() {
        table = AwsServers.newTable("invoke");
        indexer = Indexer.create(AwsServers.s3().admin(), AwsServers.dynamoClient(), table, IndexerFactory.S3_RETRY);
    }

    @Test
    void s3PutEventFileIndexesTheObjectAndAnswersAsLambdaWould() throws IOException {
        String result = LocalInvoke.invoke(AwsServers.function(table), event("s3-put.json"), context);
        assertThat(result).isEqualTo("\"1 event(s) applied\"");
        assertThat(log).containsExactly("INDEXED " + URL + " (3 HDUs): 1 requests, 14400 bytes read");
        assertThat(hduTypes(URL)).containsExactly("PRIMARY", "IMAGE", "IMAGE");
    }

    @Test
    void sqsEventFileGivesTheBatchResponseDocument() throws IOException {
        String result = LocalInvoke.invoke(new SqsEventHandler(indexer), event("sqs-s3-events.json"), context);
        assertThat(FitsJson.MAPPER.readTree(result)).isEqualTo(FitsJson.MAPPER.readTree("{\"batchItemFailures\":[]}"));
        assertThat(log).hasSize(2).anySatisfy(l -> assertThat(l).startsWith("INVALID s3://fits-archive/uploads/notes.fits"));
        assertThat(hduTypes(URL)).hasSize(3);
    }

    @Test
    void batchOperationsEventFileGivesAResultPerTask() throws IOException {
        String result = LocalInvoke.invoke(new BatchOperationsHandler(indexer), event("batch-operations-v2.json"), context);
        JsonNode response = FitsJson.MAPPER.readTree(result);
        assertThat(response.get("invocationSchemaVersion").asText()).isEqualTo("2.0");
        assertThat(response.get("treatMissingKeysAs").asText()).isEqualTo("PermanentFailure");
        assertThat(response.get("results")).hasSize(3);
        assertThat(response.get("results").findValuesAsText("resultCode")).containsOnly("Succeeded");
        assertThat(response.get("results").get(0).get("resultString").asText()).startsWith("INDEXED " + URL + " (3 HDUs)");
    }

    @Test
    void eventBridgeEventFilesIndexThenRemove() throws IOException {
        EventBridgeHandler handler = new EventBridgeHandler(indexer);
        assertThat(LocalInvoke.invoke(handler, event("eventbridge-object-created.json"), context))
                .startsWith("\"INDEXED " + URL + " (3 HDUs)");
        assertThat(LocalInvoke.invoke(handler, event("eventbridge-object-deleted.json"), context))
                .startsWith("\"REMOVED " + URL);
        assertThat(hduTypes(URL)).isEmpty();
    }

    @Test
    void theDeployedHandlerRunsInItsOwnProcessConfiguredByTheEnvironmentOnly() throws Exception {
        Run ok = runInOwnProcess(table, "s3-put.json");
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out().strip()).isEqualTo("\"1 event(s) applied\"");
        assertThat(ok.err()).contains("INDEXED " + URL + " (3 HDUs)");
        assertThat(hduTypes(URL)).containsExactly("PRIMARY", "IMAGE", "IMAGE");

        Run failed = runInOwnProcess("no-such-table", "s3-put.json");
        assertThat(failed.status()).isEqualTo(1);
        JsonNode error = FitsJson.MAPPER.readTree(failed.out());
        assertThat(error.get("errorType").asText()).isEqualTo("io.astrocloud.lambda.FailedEventsException");
        assertThat(error.get("errorMessage").asText()).contains("no-such-table").contains(URL);

        Run unconfigured = runInOwnProcess(null, "s3-put.json");
        assertThat(unconfigured.status()).isEqualTo(1);
        JsonNode initError = FitsJson.MAPPER.readTree(unconfigured.out());
        assertThat(initError.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(initError.get("errorMessage").asText()).contains("INDEX_TABLE");
    }

    @Test
    void theWalkthroughInvokesWithThePutThenTheDeleteEventFile() throws IOException {
        for (String file : InvokeWalkthrough.EVENT_FILES) {
            assertThat(InvokeWalkthrough.eventFile(file)).as("events/" + file + " on the class path").isEqualTo(event(file));
        }
        StringWriter out = new StringWriter();

        InvokeWalkthrough.run(AwsServers.s3(), AwsServers.dynamo(), "invoke-walkthrough-" + System.nanoTime(),
                new PrintWriter(out, true));

        assertThat(out.toString()).containsSubsequence(
                "sam local invoke IndexFunction -e samples/events/s3-put.json",
                "log: INDEXED " + URL + " (3 HDUs): 1 requests, 14400 bytes read", "result: \"1 event(s) applied\"",
                "sam local invoke IndexFunction -e samples/events/s3-delete.json",
                "log: REMOVED " + URL + ": 1 index item removed", "result: \"1 event(s) applied\"");
    }

    /** What the runner printed and returned. */
    record Run(int status, String out, String err) {
    }

    /**
     * {@code LocalInvoke HANDLER FILE} in a new JVM, with the environment template.yaml gives the
     * function ({@code table} null: without INDEX_TABLE).
     */
    private static Run runInOwnProcess(String table, String eventFile) throws Exception {
        Path dir = Files.createTempDirectory("local-invoke");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalInvoke.class.getName(),
                "io.astrocloud.lambda.S3EventHandler::handleRequest", EVENTS.resolve(eventFile).toString())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Map<String, String> env = pb.environment();
        env.remove("INDEX_TABLE");
        if (table != null) {
            env.put("INDEX_TABLE", table);
        }
        env.put("ASTROCLOUD_S3_PATH_STYLE", "true");
        env.put("AWS_ENDPOINT_URL_S3", AwsServers.s3().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", AwsServers.dynamo().endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", AwsServers.s3().accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", AwsServers.s3().secretKey());
        env.put("AWS_REGION", AwsServers.s3().region());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("LocalInvoke did not finish within 90 s");
        }
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    private List<String> hduTypes(String url) {
        IndexOnUpload index = new IndexOnUpload(AwsServers.s3().admin(), "us-east-1", AwsServers.dynamoClient(), table,
                AwsServers.function(table));
        return index.indexed(url).map(o -> o.hdus().stream().map(IndexedHdu::type).toList()).orElse(List.of());
    }

    private static String event(String name) throws IOException {
        return Files.readString(EVENTS.resolve(name));
    }

}
