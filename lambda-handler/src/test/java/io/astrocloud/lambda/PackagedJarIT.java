package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.index.IndexFixture;
import io.astrocloud.index.ObjectVersion;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The deployable jar, after {@code package}: its size (printed, and bounded), no Netty and no
 * Apache HTTP client inside, and the S3 handler run from it alone in a fresh JVM, configured by
 * environment variables as Lambda configures it (endpoints through the SDK's
 * {@code AWS_ENDPOINT_URL_S3} and {@code AWS_ENDPOINT_URL_DYNAMODB}, as on LocalStack), against
 * S3Proxy and DynamoDB Local.
 */
class PackagedJarIT {
    /** A guard against the package growing unnoticed (it is some 15 MB). */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private static Path jar() {
        return Path.of(System.getProperty("lambda.jar", "target/astrocloud-lambda.jar"));
    }

    @Test
    void isOneSmallJarWithoutNettyOrApacheHttp() throws IOException {
        Path jar = jar();
        long size = Files.size(jar);
        List<String> entries;
        try (JarFile j = new JarFile(jar.toFile())) {
            entries = j.stream().map(e -> e.getName()).collect(Collectors.toList());
        }
        long classes = entries.stream().filter(n -> n.endsWith(".class")).count();
        System.out.printf("%nLambda package %s: %,d bytes (%.1f MiB), %,d classes; no Netty, no Apache HTTP client%n%n",
                jar.getFileName(), size, size / 1048576.0, classes);
        assertThat(size).isLessThan(MAX_BYTES);
        assertThat(entries).noneMatch(n -> n.startsWith("io/netty/") || n.startsWith("software/amazon/awssdk/http/apache/")
                || n.startsWith("software/amazon/awssdk/http/nio/") || n.startsWith("org/apache/http/"));
        assertThat(entries).contains("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
                "io/astrocloud/lambda/S3EventHandler.class", "io/astrocloud/lambda/SqsEventHandler.class",
                "io/astrocloud/lambda/BatchOperationsHandler.class", "io/astrocloud/lambda/EventBridgeHandler.class",
                "io/astrocloud/fits/HeaderWalk.class", "org/joda/time/DateTime.class");
        assertThat(entries).noneMatch(n -> n.startsWith("io/astrocloud/testkit/") || n.startsWith("org/gaul/"));
        // Plain Java only: the same jar runs on arm64 (template.yaml's architecture) and x86_64.
        assertThat(entries).noneMatch(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib")
                || n.endsWith(".jnilib"));
        // One SLF4J provider, the function's own (the libraries' logging reaches the function's log).
        assertThat(entries).contains("META-INF/services/org.slf4j.spi.SLF4JServiceProvider", "org/crac/Core.class");
        assertThat(entries).noneMatch(n -> n.startsWith("org/slf4j/nop/") || n.startsWith("org/slf4j/simple/"));
    }

    @Test
    void handlerRunsFromTheJarAloneConfiguredByTheEnvironment() throws Exception {
        IndexFixture f = IndexFixture.withTable("packaged-jar");
        String key = "packaged/run 1+2.fits";
        ProcessBuilder pb = driver(f, key, "packaged/run+1%2B2.fits", "0065A1B2C3D4E5F6AA");
        String output = run(pb);
        String url = "s3://" + IndexFixture.BUCKET + "/" + key;
        assertThat(output).contains("INDEXED " + url + " (3 HDUs)").contains("handler returned: 1 event(s) applied")
                .doesNotContain(IndexFixture.s3().secretKey()).doesNotContain("SLF4J");
        assertThat(f.hdus(url)).hasSize(3);
    }

    /**
     * The function as template.yaml configures it (JSON logs), here at DEBUG, with session credentials
     * whose secret key and token are planted in its environment as Lambda plants them: every line it
     * prints is a JSON object with a level, the AWS SDK's own DEBUG logging and the priming's INFO line
     * are there (the libraries' SLF4J logging is not lost), the outcome line carries its fields and
     * metrics, and neither the secret key nor the token appears anywhere.
     */
    @Test
    void functionLogIsJsonWithLevelsAndMetricsAndNoCredentialsEvenAtDebug() throws Exception {
        IndexFixture f = IndexFixture.withTable("packaged-jar-log");
        String key = "packaged/logged.fits";
        String token = "IQoJb3JpZ2luX2VjEPlantedSessionToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH";
        ProcessBuilder pb = driver(f, key, key, "0065A1B2C3D4E5F6BB", "prime");
        pb.environment().put("AWS_SESSION_TOKEN", token);
        pb.environment().put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        pb.environment().put("AWS_LAMBDA_LOG_LEVEL", "DEBUG");
        pb.environment().put("AWS_LAMBDA_FUNCTION_NAME", "astrocloud-IndexFunction");
        pb.environment().put(LambdaSettings.BUCKET_ENV, IndexFixture.BUCKET);
        String output = run(pb);
        assertThat(output).doesNotContain(IndexFixture.s3().secretKey()).doesNotContain(token);
        // The SDK's signer does print the token at DEBUG (its canonical request): the mask is what hides it.
        assertThat(output).contains("x-amz-security-token:" + io.astrocloud.lambda.log.CredentialMask.MASK);

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank() || line.startsWith("handler returned: ")) {
                continue;
            }
            JsonNode n = json.readTree(line);
            assertThat(n.path("level").asText()).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(n.has("timestamp") && n.has("message") && n.has("logger")).as(line).isTrue();
            lines.add(n);
        }
        assertThat(lines).anySatisfy(n -> {
            assertThat(n.path("level").asText()).isEqualTo("DEBUG");
            assertThat(n.path("logger").asText()).startsWith("software.amazon.awssdk.");
        });
        assertThat(lines).anySatisfy(n -> {
            assertThat(n.path("logger").asText()).isEqualTo(SnapStartPriming.class.getName());
            assertThat(n.path("message").asText()).startsWith("SnapStart priming: [dynamodb, s3, fits]");
        });
        JsonNode outcome = lines.stream().filter(n -> n.has("outcome")).reduce((a, b) -> b).orElseThrow();
        assertThat(outcome.path("level").asText()).isEqualTo("INFO");
        assertThat(outcome.path("outcome").asText()).isEqualTo("INDEXED");
        assertThat(outcome.path("object").asText()).isEqualTo("s3://" + IndexFixture.BUCKET + "/" + key);
        assertThat(outcome.path("hdus").asInt()).isEqualTo(3);
        assertThat(outcome.path("FunctionName").asText()).isEqualTo("astrocloud-IndexFunction");
        assertThat(outcome.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo(EventLog.NAMESPACE);
        assertThat(f.hdus(outcome.path("object").asText())).hasSize(3);
    }

    /** A JVM that runs {@link PackagedJarDriver} on the jar alone, configured as Lambda configures it. */
    private static ProcessBuilder driver(IndexFixture f, String key, String encodedKey, String sequencer,
                                         String... more) {
        byte[] fits = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(31, 2));
        String etag = ObjectVersion.bareEtag(f.put(key, fits).eTag());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                jar().toAbsolutePath() + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                PackagedJarDriver.class.getName(), IndexFixture.BUCKET, encodedKey, Integer.toString(fits.length), etag,
                sequencer));
        command.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(command);
        configureAsLambda(pb.environment(), f);
        return pb;
    }

    /**
     * The environment Lambda gives the function, pointed at the fixture's servers: the table, path-style
     * S3, region, credentials and the SDK's endpoint variables (as on LocalStack); nothing of this JVM's
     * own AWS settings.
     */
    static void configureAsLambda(Map<String, String> env, IndexFixture f) {
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put(LambdaSettings.TABLE_ENV, f.table);
        env.put(LambdaSettings.PATH_STYLE_ENV, "true");
        env.put("AWS_REGION", IndexFixture.s3().region());
        env.put("AWS_ACCESS_KEY_ID", IndexFixture.s3().accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", IndexFixture.s3().secretKey());
        env.put("AWS_ENDPOINT_URL_S3", IndexFixture.s3().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", IndexFixture.dynamo().endpoint().toString());
    }

    private static String run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(output.length() > 20_000 ? output.substring(0, 20_000) + "\n..." : output);
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
