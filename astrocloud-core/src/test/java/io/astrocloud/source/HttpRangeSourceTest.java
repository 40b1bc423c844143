package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.Faults;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.net.TcpFaultProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP source against an in-process HTTP server, well behaved and not. */
class HttpRangeSourceTest {
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));
    private RangeHttpServer server;
    private SourceResolver resolver;
    private final byte[] small = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(3, 3));

    @BeforeEach
    void start() throws IOException {
        server = RangeHttpServer.start().put("/small.fits", small);
        resolver = new SourceResolver(AccessOptions.builder().retry(FAST_RETRY).timeout(Duration.ofSeconds(2)).build());
    }

    @AfterEach
    void stop() {
        resolver.close();
        server.close();
    }

    private List<Hdu> walk(String path, TransferStats stats) throws IOException {
        try (HeaderWalk w = HeaderWalk.over(resolver.open(server.url(path)), WalkOptions.DEFAULT)) {
            try {
                return w.toList();
            } finally {
                stats.add(w.stats());
            }
        }
    }

    @Test
    void learnsTheSizeFromContentRangeWithoutAHead() throws IOException {
        RangeSource s = resolver.backend(server.url("/small.fits"));
        FetchedRange r = s.read(RangeRequest.of(100, 50));
        assertThat(r.bytes()).hasSize(50);
        assertThat(r.object().size()).isEqualTo(small.length);
        assertThat(r.object().etag()).isNotBlank();
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void keepsOneConnectionForTheRangesOfAWalk(@TempDir Path dir) throws IOException {
        // Three HDUs, the last behind 44 GB of data: three ranged reads, one after the other.
        Path cube = dir.resolve("cube.fits");
        SparseFitsWriter.write(cube, SyntheticFits.tessCube());
        server.put("/cube.fits", cube);
        try (TcpFaultProxy proxy = TcpFaultProxy.start(server.baseUri())) {
            String url = proxy.uri().resolve("/cube.fits").toString();
            TransferStats stats;
            try (HeaderWalk w = HeaderWalk.over(resolver.open(url), WalkOptions.DEFAULT)) {
                assertThat(w.toList()).hasSize(3);
                stats = w.stats();
            }
            assertThat(stats.requests()).isEqualTo(3);
            // A connection closed after each range would cost a new TCP (and TLS) handshake per read.
            assertThat(proxy.connections()).isEqualTo(1);
        }
    }

    @Test
    void readsWhatItNeedsFromAServerThatIgnoresRangeAndHangsUp() throws IOException {
        Path big = Files.createTempFile("big", ".fits");
        try {
            SparseFitsWriter.write(big, SyntheticFits.hstWfc3Ir(16));
            server.put("/big.fits", big).honourRange(false);
            OpenedObject s = resolver.open(server.url("/big.fits"));
            TransferStats stats = s.stats();
            FetchedRange first = s.read(RangeRequest.of(0, 2880));
            assertThat(new String(first.bytes(), 0, 9)).isEqualTo("SIMPLE  =");
            long size = first.object().size();
            assertThat(size).isGreaterThan(250_000_000L);
            // The whole body was offered; far less was read before the connection was dropped.
            assertThat(stats.bytesFetched()).isLessThan(1_000_000L);
            // Past the discard limit the source refuses rather than reading through a huge body.
            assertThatThrownBy(() -> s.read(RangeRequest.of(100_000_000L, 2880)))
                    .isInstanceOf(SourceException.class)
                    .satisfies(e -> assertThat(((SourceException) e).reason())
                            .isEqualTo(SourceException.Reason.RANGE_IGNORED))
                    .hasMessageContaining("big.fits").hasMessageContaining("100000000");
            assertThat(stats.bytesFetched()).isLessThan(2_000_000L);
        } finally {
            Files.delete(big);
        }
    }

    @Test
    void walksSmallFilesFromAServerThatIgnoresRange() throws IOException {
        server.honourRange(false);
        assertThat(walk("/small.fits", new TransferStats())).hasSize(4);
    }

    @Test
    void reportsAnOffsetPastTheEndAs416() throws IOException {
        RangeSource s = resolver.backend(server.url("/small.fits"));
        assertThatThrownBy(() -> s.read(RangeRequest.of(small.length + 10, 100)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("HTTP 416").hasMessageContaining("object has " + small.length + " bytes")
                .satisfies(e -> assertThat(((SourceException) e).reason())
                        .isEqualTo(SourceException.Reason.RANGE_NOT_SATISFIABLE));
    }

    @Test
    void turnsNotFoundAndForbiddenIntoClearErrorsWithoutRetrying() {
        assertThatThrownBy(() -> walk("/missing.fits", new TransferStats()))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("object not found").hasMessageContaining("/missing.fits")
                .hasMessageContaining("byte 0").hasMessageContaining("HTTP 404");
        server.fault("/small.fits", Faults.status(403));
        TransferStats stats = new TransferStats();
        assertThatThrownBy(() -> walk("/small.fits", stats))
                .isInstanceOf(SourceException.class).hasMessageContaining("access denied").hasMessageContaining("403");
        assertThat(stats.requests()).isEqualTo(1);
    }

    @Test
    void refusesAnHtmlPageServedInsteadOfTheObject() {
        server.fault("/small.fits", Faults.htmlPage());
        assertThatThrownBy(() -> walk("/small.fits", new TransferStats()))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("HTML page").hasMessageContaining("Sign in");
    }

    @Test
    void retriesSlowDownHonouringRetryAfterThenSucceeds() throws IOException {
        TransferStats clean = new TransferStats();
        walk("/small.fits", clean);
        server.fault("/small.fits", Faults.slowDown(2, 0));
        TransferStats stats = new TransferStats();
        assertThat(walk("/small.fits", stats)).hasSize(4);
        assertThat(stats.requests()).isEqualTo(clean.requests() + 2);
    }

    @Test
    void givesUpOnSlowDownAfterTheLastAttemptWithAClearError() {
        server.fault("/small.fits", Faults.slowDown(100, 0));
        TransferStats stats = new TransferStats();
        assertThatThrownBy(() -> walk("/small.fits", stats))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("SlowDown").hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(e.getSuppressed()[0]).hasMessageContaining("gave up after 3 attempts"));
        assertThat(stats.requests()).isEqualTo(3);
    }

    @Test
    void retriesABodyCutShortMidTransfer() throws IOException {
        TransferStats clean = new TransferStats();
        walk("/small.fits", clean);
        server.fault("/small.fits", Faults.cutShort(1, 1000));
        TransferStats stats = new TransferStats();
        assertThat(walk("/small.fits", stats)).hasSize(4);
        assertThat(stats.requests()).isEqualTo(clean.requests() + 1);
    }

    @Test
    void failsClearlyWhenTheObjectChangesBetweenRequests() throws IOException {
        byte[] other = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(4, 3));
        RangeSource s = resolver.open(server.url("/small.fits"));
        s.read(RangeRequest.of(0, 2880));
        server.put("/small.fits", other);
        assertThatThrownBy(() -> s.read(RangeRequest.of(2880, 2880)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("object changed").hasMessageContaining("HTTP 412")
                .satisfies(e -> assertThat(((SourceException) e).reason()).isEqualTo(SourceException.Reason.CHANGED));
    }

    @Test
    void followsRedirectsAndStopsRedirectLoops() throws IOException {
        server.fault("/moved.fits", (ex, object, attempt) -> {
            ex.getResponseHeaders().set("Location", server.url("/small.fits"));
            ex.sendResponseHeaders(302, -1);
            return true;
        });
        assertThat(walk("/moved.fits", new TransferStats())).hasSize(4);
        server.fault("/loop.fits", (ex, object, attempt) -> {
            ex.getResponseHeaders().set("Location", server.url("/loop.fits"));
            ex.sendResponseHeaders(302, -1);
            return true;
        });
        assertThatThrownBy(() -> walk("/loop.fits", new TransferStats()))
                .isInstanceOf(SourceException.class).hasMessageContaining("redirect");
    }

    @Test
    void timesOutAStalledResponseAndRetriesIt() throws IOException {
        server.fault("/small.fits", (ex, object, attempt) -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        });
        SourceResolver quick = new SourceResolver(AccessOptions.builder().retry(FAST_RETRY)
                .timeout(Duration.ofMillis(300)).build());
        long start = System.nanoTime();
        OpenedObject small = quick.open(server.url("/small.fits"));
        TransferStats stats = small.stats();
        assertThatThrownBy(() -> small.read(RangeRequest.of(0, 2880)))
                .isInstanceOf(SourceException.class).hasMessageContaining("timed out");
        assertThat(stats.requests()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        quick.close();
    }

    @Test
    void saysTheConnectionWasRefused() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OpenedObject closed = resolver.open("http://127.0.0.1:" + closedPort + "/x.fits");
        TransferStats stats = closed.stats();
        assertThatThrownBy(() -> closed.read(RangeRequest.of(0, 2880)))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort + "/x.fits at byte 0")
                .hasMessageContaining("ConnectException: connection refused or host unreachable")
                .satisfies(e -> assertThat(((SourceException) e).reason()).isEqualTo(SourceException.Reason.TRANSIENT));
        assertThat(stats.requests()).isEqualTo(FAST_RETRY.maxAttempts());
    }

    @Test
    void sendsExtraHeaders() throws IOException {
        server.fault("/small.fits", (ex, object, attempt) -> {
            if (!"Bearer token-1".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                RangeHttpServer.sendText(ex, 401, "text/plain", "who are you?");
                return true;
            }
            return false;
        });
        assertThatThrownBy(() -> walk("/small.fits", new TransferStats())).hasMessageContaining("401");
        SourceResolver authed = new SourceResolver(AccessOptions.builder().httpHeader("Authorization", "Bearer token-1")
                .build());
        try (HeaderWalk w = HeaderWalk.over(authed.open(server.url("/small.fits")), WalkOptions.DEFAULT)) {
            assertThat(w.toList()).hasSize(4);
        }
        authed.close();
    }

    @Test
    void downloadsARangeAndAWholeFileResumingAfterACut(@TempDir Path dir) throws IOException {
        OpenedObject s = resolver.open(server.url("/small.fits"));
        java.io.ByteArrayOutputStream part = new java.io.ByteArrayOutputStream();
        new ObjectDownload(s, null).copy(2880, 5760, part);
        assertThat(part.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(small, 2880, 5760));

        server.fault("/small.fits", Faults.cutShort(1, 4000));
        Path target = dir.resolve("copy.fits");
        long[] last = new long[2];
        long n = new ObjectDownload(resolver.open(server.url("/small.fits")),
                (done, total) -> {
                    last[0] = done;
                    last[1] = total;
                }).toFile(target, 0, -1);
        assertThat(n).isEqualTo(small.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(small);
        assertThat(last[0]).isEqualTo(small.length);
        assertThat(dir.resolve("copy.fits.part")).doesNotExist();
    }
}
