package io.astrocloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.index.IndexFixture;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.azure.TestAzure;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.gcs.TestGcs;
import io.astrocloud.testkit.http.RangeHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The command line's distribution as {@code ./astrocloud} runs it: {@code target/astrocloud-cli.jar}
 * with {@code target/lib}. It stays small and holds nothing but what the commands need at run time (no
 * test server, no test library, no Kafka), and every store and the index work from it in a fresh JVM
 * whose class path is the distribution alone: a dependency the build leaves out, or excludes from the
 * cloud SDKs, fails here and not in a user's hands. Runs after {@code package}, under failsafe.
 */
class PackagedDistributionIT {
    /** The distribution's largest size, bytes (decimal: 60 MB). */
    static final long MAX_BYTES = 60_000_000L;
    /** Jar names that must not be in it: test servers and their parts, test libraries, other modules. */
    static final List<String> FORBIDDEN_JARS = List.of("s3proxy", "DynamoDBLocal", "sqlite4java", "jetty", "mockito",
            "kafka", "junit", "assertj", "astrocloud-testkit", "astrocloud-bench", "astrocloud-samples",
            "astrocloud-demo", "lambda-handler", "aws-lambda-java", "camel-");
    /** Packages that must not be in any of its jars, however they got there (a shaded copy too). */
    static final List<String> FORBIDDEN_PACKAGES = List.of("org/gaul/s3proxy/", "com/amazonaws/services/dynamodbv2/",
            "software/amazon/dynamodb/", "org/eclipse/jetty/", "org/mockito/", "org/apache/kafka/",
            "io/astrocloud/testkit/", "org/junit/");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("target", "astrocloud-cli.jar");
    private static final Path LIB = Path.of("target", "lib");
    private static final String FILE = "astropy_o4sp040b0_raw.fits";

    @Test
    void isAtMostSixtyMegabytesWithoutTestServersOrTestLibraries() throws IOException {
        List<Path> jars = jars();
        long bytes = 0;
        for (Path j : jars) {
            bytes += Files.size(j);
        }
        System.out.printf(Locale.ROOT, "astrocloud-cli distribution: %d jars, %,d bytes (%.1f MB)%n", jars.size(),
                bytes, bytes / 1e6);
        assertThat(bytes).as("bytes of " + JAR + " and " + LIB).isLessThanOrEqualTo(MAX_BYTES);
        for (Path j : jars) {
            String name = j.getFileName().toString();
            assertThat(FORBIDDEN_JARS).as(name).noneMatch(name::contains);
            try (ZipFile zip = new ZipFile(j.toFile())) {
                List<String> found = zip.stream().map(ZipEntry::getName)
                        .filter(e -> FORBIDDEN_PACKAGES.stream().anyMatch(e::startsWith)).limit(3).toList();
                assertThat(found).as(name).isEmpty();
            }
        }
    }

    @Test
    void readsEveryStoreFromTheDistributionAlone() throws Exception {
        long size = Files.size(Corpus.file(FILE));
        try (RangeHttpServer http = RangeHttpServer.start().putDirectory("/corpus", Corpus.dir());
             TestGcs gcs = TestGcs.start(); TestAzure azure = TestAzure.start()) {
            gcs.createBucket("survey", true, false);
            gcs.put("survey", "real/" + FILE, Corpus.file(FILE));
            azure.createContainer("survey", false);
            azure.put("survey", "real/" + FILE, Corpus.file(FILE));
            IndexFixture f = IndexFixture.withTable("packaged-cli");
            f.put("packaged/" + FILE, Files.readAllBytes(Corpus.file(FILE)));
            List<List<String>> runs = List.of(
                    List.of("headers", "--json", http.url("/corpus/" + FILE)),
                    List.of("headers", "--json", "s3://" + IndexFixture.BUCKET + "/packaged/" + FILE,
                            "--endpoint", IndexFixture.s3().endpoint().toString(), "--region", IndexFixture.s3().region()),
                    List.of("headers", "--json", "gs://survey/real/" + FILE, "--anonymous",
                            "--setting", "gcs.endpoint=" + gcs.host()),
                    List.of("headers", "--json", "az://survey/real/" + FILE, "--setting", "azure.endpoint=" + azure.endpoint(),
                            "--azure-sas", azure.containerSas("survey", "rl", Duration.ofHours(1))));
            for (List<String> args : runs) {
                Result r = run(args);
                assertThat(r.status()).as(args + ": " + r.err()).isZero();
                JsonNode doc = JSON.readTree(r.out());
                assertThat(doc.get("size").asLong()).as(args.get(2)).isEqualTo(size);
                assertThat(GoldenCorpus.of(FILE).differences(doc)).as(args.get(2)).isEmpty();
            }
        }
    }

    @Test
    void indexesFromTheDistributionAlone() throws Exception {
        IndexFixture f = IndexFixture.withTable("packaged-cli-index");
        for (int i = 0; i < 3; i++) {
            f.put("packaged-index/f" + i + ".fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(i, 2)));
        }
        Result r = run(List.of("index", "s3://" + IndexFixture.BUCKET + "/packaged-index/", "--table", "packaged-cli-index",
                "--endpoint", IndexFixture.s3().endpoint().toString(), "--region", IndexFixture.s3().region(),
                "--dynamodb-endpoint", IndexFixture.dynamo().endpoint().toString()));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("3 objects: 3 indexed, 0 invalid, 0 skipped, 0 failed");
        assertThat(f.hdus("s3://" + IndexFixture.BUCKET + "/packaged-index/f1.fits")).hasSize(3);
    }

    private static List<Path> jars() throws IOException {
        assertThat(JAR).exists();
        List<Path> jars = new ArrayList<>(List.of(JAR));
        try (Stream<Path> lib = Files.list(LIB)) {
            lib.sorted().forEach(jars::add);
        }
        return jars;
    }

    /** What one run of the packaged command printed. */
    private record Result(int status, String out, String err) {
    }

    /** {@code java -jar target/astrocloud-cli.jar args...}, as the launcher runs it, with the S3 test credentials. */
    private static Result run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(args);
        Path out = Files.createTempFile("astrocloud-cli-out", ".txt");
        Path err = Files.createTempFile("astrocloud-cli-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.put("AWS_ACCESS_KEY_ID", IndexFixture.s3().accessKey());
            env.put("AWS_SECRET_ACCESS_KEY", IndexFixture.s3().secretKey());
            // Never ask a metadata server for Google credentials (there is none here).
            env.put("NO_GCE_CHECK", "true");
            Process p = pb.start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", args)).isTrue();
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
