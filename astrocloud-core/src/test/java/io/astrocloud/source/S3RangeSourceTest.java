package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.auth.S3Access;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.net.TcpFaultProxy;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 source against S3Proxy (the real S3 protocol, in-process). */
class S3RangeSourceTest {
    private static TestS3 s3;
    private static final byte[] SMALL = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(5, 3));

    @BeforeAll
    static void start() throws IOException {
        s3 = TestS3.start();
        s3.createBucket("archive");
        s3.put("archive", "data/small file.fits", SMALL);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    private static S3Access.Builder access() {
        return S3Access.builder().endpoint(s3.endpoint()).pathStyle(true).region(s3.region());
    }

    private static SourceResolver resolver(S3Access access) {
        return new SourceResolver(AccessOptions.builder().s3(access)
                .retry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20))).build());
    }

    private static List<Hdu> walk(SourceResolver r, String url) throws IOException {
        try (HeaderWalk w = HeaderWalk.over(r.open(url), WalkOptions.DEFAULT)) {
            return w.toList();
        }
    }

    @Test
    void walksWithStaticCredentialsBySchemeUrlAndByPathStyleUrlOnTheEndpoint() throws IOException {
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());
        try (SourceResolver r = resolver(access().credentials(S3Access.Credentials.DEFAULT_CHAIN).build())) {
            assertThat(walk(r, "s3://archive/data/small file.fits")).hasSize(4);
            assertThat(walk(r, s3.endpoint() + "/archive/data/small%20file.fits")).hasSize(4);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void keepsOneConnectionForTheRangesOfAWalk() throws IOException {
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());
        // Counts the TCP connections the client opens to the store (external endpoint or S3Proxy).
        try (TcpFaultProxy proxy = TcpFaultProxy.start(s3.endpoint());
             SourceResolver r = resolver(S3Access.builder().endpoint(proxy.uri()).pathStyle(true).region(s3.region())
                     .credentials(S3Access.Credentials.DEFAULT_CHAIN).build())) {
            TransferStats stats;
            // Block by block and no prefetch: one ranged GET after another, each on the last one's connection.
            WalkOptions sequential = WalkOptions.DEFAULT.withReadAhead(2880).withPrefetch(0);
            try (HeaderWalk w = HeaderWalk.over(r.open("s3://archive/data/small file.fits"), sequential)) {
                assertThat(w.toList()).hasSize(4);
                stats = w.stats();
            }
            assertThat(stats.requests()).isGreaterThan(1);
            assertThat(proxy.connections()).isEqualTo(1);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void refusesWrongCredentialsAsAccessDenied() {
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", "not-the-secret");
        try (SourceResolver r = resolver(access().credentials(S3Access.Credentials.DEFAULT_CHAIN).build())) {
            assertThatThrownBy(() -> walk(r, "s3://archive/data/small file.fits"))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("access denied").hasMessageContaining("s3://archive/data/small file.fits")
                    .hasMessageContaining("HTTP 403");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void reportsAMissingKey() {
        try (SourceResolver r = new SourceResolver(AccessOptions.builder().s3(access().build())
                .s3Client(s3.admin()).build())) {
            assertThatThrownBy(() -> walk(r, "s3://archive/data/none.fits"))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("object not found").hasMessageContaining("NoSuchKey");
        }
    }

    @Test
    void readsPublicBucketsAnonymously() throws IOException {
        try (TestS3 open = TestS3.startEmbedded(true, null);
             SourceResolver r = resolver(S3Access.builder().endpoint(open.endpoint()).pathStyle(true)
                     .region("us-east-1").anonymous(true).build())) {
            open.createBucket("stpubdata");
            open.put("stpubdata", "tess/cube.fits", SMALL);
            assertThat(walk(r, "s3://stpubdata/tess/cube.fits")).hasSize(4);
        }
    }

    @Test
    void failsClearlyWhenTheObjectIsReplacedMidWalk() throws IOException {
        s3.put("archive", "moving.fits", SMALL);
        try (SourceResolver r = new SourceResolver(AccessOptions.builder().s3(access().build())
                .s3Client(s3.admin()).build())) {
            StoreChecks.assertReplacedMidWalkFailsAsChanged(r, "s3://archive/moving.fits", () -> s3.put("archive",
                    "moving.fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(6, 3))));
        }
    }

    @Test
    void asksToPayOnlyWhenRequesterPaysIsOn() throws IOException {
        // A plain HTTP server that answers GetObject as S3 does (206, Content-Range, ETag) lets the test
        // see the headers the SDK sends; S3Proxy would accept and ignore x-amz-request-payer.
        try (RangeHttpServer fake = RangeHttpServer.start()) {
            fake.put("/rp-bucket/cube.fits", SMALL);
            AtomicReference<String> payer = new AtomicReference<>("unset");
            fake.fault("/rp-bucket/cube.fits", (ex, object, attempt) -> {
                payer.set(String.valueOf(ex.getRequestHeaders().getFirst("x-amz-request-payer")));
                return false;
            });
            S3Access base = S3Access.builder().endpoint(URI.create(fake.baseUri().toString())).pathStyle(true)
                    .region("us-east-1").anonymous(true).build();
            try (SourceResolver r = resolver(base)) {
                assertThat(walk(r, "s3://rp-bucket/cube.fits")).hasSize(4);
                assertThat(payer.get()).isEqualTo("null");
            }
            try (SourceResolver r = resolver(base.toBuilder().requesterPays(true).build())) {
                assertThat(walk(r, "s3://rp-bucket/cube.fits")).hasSize(4);
                assertThat(payer.get()).isEqualTo("requester");
            }
        }
    }

    @Test
    void retriesSlowDownOnlyInTheSourceTierNotAlsoInTheSdk() throws IOException {
        try (RangeHttpServer fake = RangeHttpServer.start()) {
            fake.put("/b/cube.fits", SMALL).fault("/b/cube.fits", io.astrocloud.testkit.http.Faults.slowDown(100, 0));
            S3Access base = S3Access.builder().endpoint(URI.create(fake.baseUri().toString())).pathStyle(true)
                    .region("us-east-1").anonymous(true).build();
            try (SourceResolver r = resolver(base)) {
                assertThatThrownBy(() -> walk(r, "s3://b/cube.fits"))
                        .isInstanceOf(SourceException.class).hasMessageContaining("SlowDown")
                        .satisfies(e -> assertThat(((SourceException) e).retryable()).isTrue());
            }
            assertThat(fake.requests("/b/cube.fits")).isEqualTo(2);
        }
    }

    @Test
    void usesTheCallersClientAndLeavesItOpen() throws IOException {
        try (SourceResolver r = new SourceResolver(AccessOptions.builder().s3(access().build())
                .s3Client(s3.admin()).build())) {
            assertThat(walk(r, "s3://archive/data/small file.fits")).hasSize(4);
        }
        // Still usable after the resolver closed.
        assertThat(s3.admin().headObject(b -> b.bucket("archive").key("data/small file.fits")).contentLength())
                .isEqualTo(SMALL.length);
    }
}
