package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.index.IndexFixture;
import io.astrocloud.index.ObjectVersion;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cold-start benchmark: JVM start to the first event done, with and without SnapStart's priming,
 * each run a fresh JVM on the deployable jar alone, against S3Proxy and DynamoDB Local. It prints its
 * figures and asserts only that every event was indexed (speed is measured here, never asserted).
 *
 * <p>What it models: Lambda's init phase (the handler built from the environment, clients included),
 * then, for "primed", the priming hook run in the same JVM before the first event, as SnapStart runs it
 * before taking the snapshot: the classes loaded, the code warmed and the SDK's lazily built parts are
 * then in place when the first event arrives, which is what a restored snapshot holds. JVM flags as
 * Lambda's Java runtime sets them (C1 only, serial GC). "first event" is what a SnapStart user waits for
 * after the restore; "JVM start to first event done" is a cold start without SnapStart.
 *
 * <p>What it cannot model: SnapStart itself (no Firecracker here): the restore (pages of the snapshot
 * faulted in on demand, typically some hundreds of ms), the runtime's own start-up, credentials fetched
 * again after a restore, TLS handshakes to AWS endpoints (the test servers speak plain HTTP on loopback),
 * network latency, and Lambda's CPU share (1024 MB is about 0.6 vCPU; this machine's cores are shared
 * with other builds).
 *
 * <p>Default: one run of each mode on the JDK running the tests. The figures in lambda-handler/README.md:
 * {@code -Dbench.reps=5 -Dbench.jdks=/usr/lib/jvm/java-17-openjdk-amd64,/usr/lib/jvm/temurin-25-jdk-amd64}.
 */
class ColdStartBenchIT {
    @Test
    void printsJvmStartToFirstEventWithAndWithoutPriming() throws Exception {
        int reps = Integer.getInteger("bench.reps", 1);
        String jdks = System.getProperty("bench.jdks", System.getProperty("java.home"));
        IndexFixture f = IndexFixture.withTable("cold-start");
        ObjectMapper json = new ObjectMapper();
        List<String> rows = new ArrayList<>();
        int n = 0;
        for (String jdk : jdks.split(",")) {
            for (String mode : List.of("plain", "primed")) {
                List<JsonNode> runs = new ArrayList<>();
                for (int r = 0; r < reps; r++) {
                    List<String> command = new ArrayList<>(List.of(Path.of(jdk.strip(), "bin", "java").toString(),
                            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                            Path.of(System.getProperty("lambda.jar", "target/astrocloud-lambda.jar")).toAbsolutePath()
                                    + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                            ColdStartDriver.class.getName(), mode, IndexFixture.BUCKET));
                    for (int k = 0; k < 2; k++) {
                        String key = "cold/" + (n++) + ".fits";
                        byte[] fits = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(40 + n, 2));
                        String etag = ObjectVersion.bareEtag(f.put(key, fits).eTag());
                        command.addAll(List.of(key, Integer.toString(fits.length), etag, IndexFixture.nextSequencer()));
                    }
                    JsonNode run = json.readTree(run(command, f));
                    assertThat(run.path("results").toString()).as(run.toString())
                            .isEqualTo("[\"1 event(s) applied\",\"1 event(s) applied\"]");
                    runs.add(run);
                }
                rows.add(row(runs));
            }
        }
        System.out.printf("%nCold start, JVM start to the first S3 event indexed (medians of %d run(s); ms):%n", reps);
        System.out.println("| java | mode | JVM to main | init | priming | first event | second event "
                + "| JVM start to first event done |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static String row(List<JsonNode> runs) {
        JsonNode any = runs.get(0);
        StringBuilder s = new StringBuilder("| " + any.path("java").asText() + " | " + any.path("mode").asText()
                + " |");
        for (String field : List.of("jvmToMain", "init", "priming", "firstEvent", "secondEvent",
                "jvmStartToFirstEventDone")) {
            long[] v = runs.stream().mapToLong(r -> r.path(field).asLong()).sorted().toArray();
            s.append(' ').append(v[v.length / 2]).append(" |");
        }
        return s.toString();
    }

    private static String run(List<String> command, IndexFixture f) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        PackagedJarIT.configureAsLambda(env, f);
        env.put(LambdaSettings.BUCKET_ENV, IndexFixture.BUCKET);
        env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> l.startsWith("COLDSTART ")).map(l -> l.substring(10)).findFirst()
                .orElseThrow(() -> new AssertionError("no timeline in:\n" + out));
    }
}
