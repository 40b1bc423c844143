package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
                "io/astrocloud/fits/HeaderWalker.class", "org/joda/time/DateTime.class");
        assertThat(entries).noneMatch(n -> n.startsWith("io/astrocloud/testkit/") || n.startsWith("org/gaul/"));
    }

    @Test
    void handlerRunsFromTheJarAloneConfiguredByTheEnvironment() throws Exception {
        IndexFixture f = IndexFixture.withTable("packaged-jar");
        byte[] fits = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(31, 2));
        String key = "packaged/run 1+2.fits";
        String etag = ObjectVersion.bareEtag(f.put(key, fits).eTag());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp",
                jar().toAbsolutePath() + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                PackagedJarDriver.class.getName(), IndexFixture.BUCKET, "packaged/run+1%2B2.fits",
                Integer.toString(fits.length), etag, "0065A1B2C3D4E5F6AA");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put(LambdaSettings.TABLE_ENV, f.table);
        env.put(LambdaSettings.PATH_STYLE_ENV, "true");
        env.put("AWS_REGION", IndexFixture.s3().region());
        env.put("AWS_ACCESS_KEY_ID", IndexFixture.s3().accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", IndexFixture.s3().secretKey());
        env.put("AWS_ENDPOINT_URL_S3", IndexFixture.s3().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", IndexFixture.dynamo().endpoint().toString());
        Process p = pb.redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(p.exitValue()).as(output).isZero();
        String url = "s3://" + IndexFixture.BUCKET + "/" + key;
        assertThat(output).contains("INDEXED " + url + " (3 HDUs)").contains("handler returned: 1 event(s) applied")
                .doesNotContain(IndexFixture.s3().secretKey()).doesNotContain("SLF4J");
        assertThat(f.hduItems(url)).hasSize(3);
    }
}
