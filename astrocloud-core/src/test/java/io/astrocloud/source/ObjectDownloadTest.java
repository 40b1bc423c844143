package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.Fault;
import io.astrocloud.testkit.http.Faults;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.http.StoredObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads retry once, in the source's retry layer: requests are counted at the server, where a
 * retry layer stacked on another would show as attempts multiplied.
 */
class ObjectDownloadTest {
    private static final RetryPolicy FOUR = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20));
    private final byte[] file = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(9, 3));
    private RangeHttpServer server;
    private SourceResolver resolver;

    @BeforeEach
    void start() throws IOException {
        server = RangeHttpServer.start().put("/f.fits", file);
        resolver = new SourceResolver(AccessOptions.builder().retry(FOUR).timeout(Duration.ofSeconds(2)).build());
    }

    @AfterEach
    void stop() {
        resolver.close();
        server.close();
    }

    private ObjectDownload download() throws IOException {
        return new ObjectDownload(resolver.open(server.url("/f.fits")), null);
    }

    /** For each request: answers 206 from the byte asked for, sends {@code sent} bytes of it and hangs up. */
    private static Fault breaksAfter(int sent, List<String> ranges) {
        return (ex, object, attempt) -> {
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(range + (ex.getRequestHeaders().containsKey("If-Match") ? " if-match" : ""));
            long from = Long.parseLong(range.substring("bytes=".length(), range.indexOf('-')));
            ex.getResponseHeaders().set("ETag", object.etag());
            ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (object.size() - 1) + "/"
                    + object.size());
            ex.sendResponseHeaders(206, object.size() - from);
            OutputStream out = ex.getResponseBody();
            object.copyTo(out, from, Math.min(sent, object.size() - from), StoredObject.Pace.NONE);
            out.flush();
            throw new IOException("cut short on purpose");
        };
    }

    @Test
    void sendsMaxAttemptsRequestsToAServerThatAlwaysFails(@TempDir Path dir) throws IOException {
        server.fault("/f.fits", Faults.status(500));
        SourceException toStream = catchThrowableOfType(() -> download().copy(0, -1, new ByteArrayOutputStream()),
                SourceException.class);
        assertThat(toStream.reason()).isEqualTo(SourceException.Reason.TRANSIENT);
        assertThat(toStream).hasMessageContaining("HTTP 500");
        assertThat(server.requests("/f.fits")).isEqualTo(FOUR.maxAttempts());

        server.resetCounters();
        catchThrowableOfType(() -> download().toFile(dir.resolve("f.fits"), 0, -1), SourceException.class);
        assertThat(server.requests("/f.fits")).isEqualTo(FOUR.maxAttempts());
        assertThat(dir.resolve("f.fits")).doesNotExist();
    }

    @Test
    void logsEachRetryThroughSlf4jWithTheUrlsSecretsMasked() throws IOException {
        server.fault("/f.fits", Faults.status(500));
        String presigned = server.url("/f.fits") + "?X-Amz-Credential=AKIAPLANTED&X-Amz-Signature=PLANTED";
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream realErr = System.err;
        // slf4j-simple (the tests' binding) writes to whatever System.err is at the time.
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            catchThrowableOfType(() -> new ObjectDownload(resolver.open(presigned), null)
                    .copy(0, -1, new ByteArrayOutputStream()), SourceException.class);
        } finally {
            System.setErr(realErr);
        }
        String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(logged).contains("WARN io.astrocloud.source.RetryingSource - Attempt 1 of 4 failed",
                "Attempt 3 of 4 failed", "/f.fits?X-Amz-Credential=***&X-Amz-Signature=*** at byte 0 (HTTP 500)");
        assertThat(logged).doesNotContain("Attempt 4 of 4").doesNotContain("PLANTED");
    }

    @Test
    void resumesABrokenBodyFromTheByteReachedWithIfMatch() throws IOException {
        List<String> ranges = new CopyOnWriteArrayList<>();
        Fault breakTwice = breaksAfter(3000, ranges);
        server.fault("/f.fits", (ex, object, attempt) -> attempt <= 2 && breakTwice.apply(ex, object, attempt));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download().copy(0, -1, out);
        assertThat(out.toByteArray()).isEqualTo(file);
        assertThat(ranges).containsExactly("bytes=0-", "bytes=3000- if-match");
        assertThat(server.requests("/f.fits")).isEqualTo(3);
    }

    @Test
    void givesUpOnABodyThatBreaksWithoutProgressAfterMaxAttempts() {
        List<String> ranges = new CopyOnWriteArrayList<>();
        Fault progressThenNothing = breaksAfter(2880, ranges);
        Fault nothing = breaksAfter(0, ranges);
        server.fault("/f.fits", (ex, object, attempt) -> attempt == 1
                ? progressThenNothing.apply(ex, object, attempt) : nothing.apply(ex, object, attempt));
        SourceException e = catchThrowableOfType(() -> download().copy(0, -1, new ByteArrayOutputStream()),
                SourceException.class);
        assertThat(e.reason()).isEqualTo(SourceException.Reason.TRANSIENT);
        assertThat(e).hasMessageContaining("at byte 2880");
        // One request that made progress, then four without: the first failure and three resumes.
        assertThat(ranges).containsExactly("bytes=0-", "bytes=2880- if-match", "bytes=2880- if-match",
                "bytes=2880- if-match");
    }

    @Test
    void refusesToResumeAnObjectReplacedMidDownload() {
        List<String> ranges = new CopyOnWriteArrayList<>();
        Fault broke = breaksAfter(3000, ranges);
        byte[] replacement = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(10, 3));
        server.fault("/f.fits", (ex, object, attempt) -> {
            if (attempt > 1) {
                return false;
            }
            server.put("/f.fits", replacement);
            return broke.apply(ex, object, attempt);
        });
        SourceException e = catchThrowableOfType(() -> download().copy(0, -1, new ByteArrayOutputStream()),
                SourceException.class);
        assertThat(e.reason()).isEqualTo(SourceException.Reason.CHANGED);
        assertThat(server.requests("/f.fits")).isEqualTo(2);
    }
}
