package io.astrocloud.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.astrocloud.auth.S3Access;
import io.astrocloud.fits.FitsFormatException;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.RangeRequest;
import io.astrocloud.source.OpenedObject;
import io.astrocloud.source.RetryPolicy;
import io.astrocloud.source.SourceException;
import io.astrocloud.source.SourceException.Reason;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.TransferStats;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.Faults;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.net.TcpFaultProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every fault an object store shows, for both the HTTP source and the S3 source (the AWS SDK): the
 * outcome, the requests sent (retries bounded), the bytes read, and the time taken (no hang).
 * The S3 source talks to a test server that answers GetObject as S3 does (path style, anonymous),
 * because S3Proxy cannot be told to misbehave; connection-level faults come from a TCP proxy.
 */
class FaultMatrixTest {
    /** Which source reads. */
    enum Via { HTTP, S3 }

    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(2));
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final byte[] FILE = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(9, 3));
    private static RangeHttpServer server;
    private static Path big;

    @BeforeAll
    static void start() throws IOException {
        server = RangeHttpServer.start();
        big = Files.createTempFile("fault-big", ".fits");
        SparseFitsWriter.write(big, SyntheticFits.hstWfc3Ir(16));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(big);
    }

    @BeforeEach
    void reset() throws IOException {
        server.honourRange(true).put("/b/file.fits", FILE).put("/b/big.fits", big);
        server.fault("/b/file.fits", null).fault("/b/big.fits", null);
        server.resetCounters();
    }

    /** A resolver whose S3 endpoint is {@code endpoint}: URLs on it read as S3, so HTTP walks use another. */
    private static SourceResolver resolver(Via via, URI endpoint) {
        AccessOptions.Builder b = AccessOptions.builder().retry(RETRY).timeout(TIMEOUT);
        if (via == Via.S3) {
            b.s3(S3Access.builder().endpoint(endpoint).pathStyle(true).region("us-east-1").anonymous(true)
                    .timeout(TIMEOUT).build());
        }
        return new SourceResolver(b.build());
    }

    private static String url(Via via, URI base, String key) {
        return via == Via.HTTP ? base + "/b/" + key : "s3://b/" + key;
    }

    /** A walk's outcome: HDUs or the failure, requests, bytes, time. */
    record Outcome(List<Hdu> hdus, Throwable failure, TransferStats stats, Duration took) {
        Reason reason() {
            return failure instanceof SourceException ? ((SourceException) failure).reason() : null;
        }
    }

    private static Outcome walk(Via via, URI base, String key) {
        TransferStats stats = new TransferStats();
        long start = System.nanoTime();
        List<Hdu>[] hdus = new List[1];
        try (SourceResolver r = resolver(via, base)) {
            Throwable failure = catchThrowable(() -> {
                try (HeaderWalk w = HeaderWalk.over(r.open(url(via, base, key)), WalkOptions.DEFAULT)) {
                    try {
                        hdus[0] = w.toList();
                    } finally {
                        stats.add(w.stats());
                    }
                }
            });
            return new Outcome(hdus[0], failure, stats, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static Outcome walk(Via via, String key) {
        return walk(via, server.baseUri(), key);
    }

    private static long cleanRequests(Via via) {
        return walk(via, "file.fits").stats().requests();
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void ignoredRangeIsReadOnlyAsFarAsNeeded(Via via) throws IOException {
        server.honourRange(false);
        assertThat(walk(via, "file.fits").hdus()).hasSize(4);
        TransferStats stats;
        try (SourceResolver r = resolver(via, server.baseUri())) {
            OpenedObject s = r.open(url(via, server.baseUri(), "big.fits"));
            stats = s.stats();
            assertThat(s.read(RangeRequest.of(0, 2880)).bytes()).hasSize(2880);
            Throwable far = catchThrowable(() -> s.read(RangeRequest.of(100_000_000L, 2880)));
            assertThat(far).isInstanceOf(SourceException.class).hasMessageContaining("big.fits")
                    .hasMessageContaining("100000000");
            assertThat(((SourceException) far).reason()).isEqualTo(Reason.RANGE_IGNORED);
        }
        assertThat(stats.bytesFetched()).as("bytes read of a 264 MB body").isLessThan(2_000_000L);
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void offsetPastTheEndIs416WithoutRetry(Via via) throws IOException {
        try (SourceResolver r = resolver(via, server.baseUri())) {
            OpenedObject s = r.open(url(via, server.baseUri(), "file.fits"));
            TransferStats stats = s.stats();
            Throwable t = catchThrowable(() -> s.read(RangeRequest.of(FILE.length + 1, 100)));
            assertThat(((SourceException) t).reason()).isEqualTo(Reason.RANGE_NOT_SATISFIABLE);
            assertThat(t).hasMessageContaining("416").hasMessageContaining("at byte " + (FILE.length + 1));
            assertThat(stats.requests()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void forbiddenAndMissingFailAtOnce(Via via) {
        server.fault("/b/file.fits", Faults.status(403));
        Outcome denied = walk(via, "file.fits");
        assertThat(denied.reason()).isEqualTo(Reason.ACCESS_DENIED);
        assertThat(denied.failure()).hasMessageContaining("403").hasMessageContaining("file.fits");
        assertThat(denied.stats().requests()).isEqualTo(1);
        Outcome missing = walk(via, "none.fits");
        assertThat(missing.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(missing.failure()).hasMessageContaining("404").hasMessageContaining("none.fits");
        assertThat(missing.stats().requests()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void serverErrorIsRetriedThenReported(Via via) {
        server.fault("/b/file.fits", Faults.status(500));
        Outcome o = walk(via, "file.fits");
        assertThat(o.reason()).isEqualTo(Reason.TRANSIENT);
        assertThat(o.failure()).hasMessageContaining("500").hasMessageContaining("at byte 0");
        assertThat(o.stats().requests()).isEqualTo(RETRY.maxAttempts());
        assertThat(server.requests("/b/file.fits")).isEqualTo(RETRY.maxAttempts());
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void slowDownHonoursRetryAfter(Via via) {
        long clean = cleanRequests(via);
        server.fault("/b/file.fits", Faults.slowDown(2, 1));
        Outcome o = walk(via, "file.fits");
        assertThat(o.failure()).isNull();
        assertThat(o.hdus()).hasSize(4);
        assertThat(o.stats().requests()).isEqualTo(clean + 2);
        assertThat(o.took()).as("waited Retry-After twice").isGreaterThanOrEqualTo(Duration.ofMillis(1900))
                .isLessThan(Duration.ofSeconds(15));
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void connectionResetMidBodyIsRetried(Via via) throws IOException {
        long clean = cleanRequests(via);
        try (TcpFaultProxy proxy = TcpFaultProxy.start(server.baseUri())) {
            proxy.fault(TcpFaultProxy.Mode.RESET, 1500, 1);
            Outcome o = walk(via, proxy.uri(), "file.fits");
            assertThat(o.failure()).isNull();
            assertThat(o.hdus()).hasSize(4);
            assertThat(o.stats().requests()).isEqualTo(clean + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void bodyShorterThanContentLengthIsRetried(Via via) {
        long clean = cleanRequests(via);
        server.fault("/b/file.fits", Faults.cutShort(1, 700));
        Outcome o = walk(via, "file.fits");
        assertThat(o.failure()).isNull();
        assertThat(o.hdus()).hasSize(4);
        assertThat(o.stats().requests()).isEqualTo(clean + 1);
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void objectReplacedBetweenRequestsFailsClearly(Via via) throws IOException {
        try (SourceResolver r = resolver(via, server.baseUri())) {
            OpenedObject s = r.open(url(via, server.baseUri(), "file.fits"));
            TransferStats stats = s.stats();
            s.read(RangeRequest.of(0, 2880));
            server.put("/b/file.fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(10, 3)));
            Throwable t = catchThrowable(() -> s.read(RangeRequest.of(2880, 2880)));
            assertThat(((SourceException) t).reason()).isEqualTo(Reason.CHANGED);
            assertThat(t).hasMessageContaining("file.fits").hasMessageContaining("at byte 2880");
            assertThat(stats.requests()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void stalledResponseTimesOutAndIsRetriedBoundedly(Via via) throws IOException {
        try (TcpFaultProxy proxy = TcpFaultProxy.start(server.baseUri())) {
            proxy.fault(TcpFaultProxy.Mode.STALL, 200, 100);
            Outcome o = walk(via, proxy.uri(), "file.fits");
            assertThat(o.reason()).isIn(Reason.TIMEOUT, Reason.TRANSIENT);
            assertThat(o.failure()).hasMessageContaining("file.fits");
            assertThat(o.stats().requests()).isEqualTo(RETRY.maxAttempts());
            assertThat(o.took()).as("every wait has a timeout").isLessThan(Duration.ofSeconds(20));
        }
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void redirectLoopIsNotFollowedForever(Via via) {
        server.fault("/b/file.fits", (ex, object, attempt) -> {
            ex.getResponseHeaders().set("Location", server.url("/b/file.fits"));
            ex.sendResponseHeaders(302, -1);
            return true;
        });
        Outcome o = walk(via, "file.fits");
        assertThat(o.failure()).isInstanceOf(SourceException.class).hasMessageContaining("file.fits");
        assertThat(o.reason()).isEqualTo(Reason.NOT_AN_OBJECT);
        assertThat(server.requests("/b/file.fits")).isLessThanOrEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void htmlPageWithStatus200IsRefused(Via via) {
        server.fault("/b/file.fits", Faults.htmlPage());
        Outcome o = walk(via, "file.fits");
        assertThat(o.failure()).isNotNull().hasMessageContaining("file.fits");
        if (via == Via.HTTP) {
            assertThat(o.reason()).isEqualTo(Reason.NOT_AN_OBJECT);
            assertThat(o.failure()).hasMessageContaining("HTML page");
        } else {
            // The SDK hands the page over as the object's bytes; the walker refuses them as not FITS.
            assertThat(o.failure()).isInstanceOf(FitsFormatException.class).hasMessageContaining("not a FITS file")
                    .hasMessageContaining("<!DOCTYPE html>");
        }
        assertThat(o.stats().requests()).isEqualTo(1);
    }
}
