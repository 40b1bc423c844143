package io.astrocloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.Faults;
import io.astrocloud.testkit.http.RangeHttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted secrets (a presigned URL's signature, credential and token, an Authorization header)
 * appear nowhere in what the command line prints, on failure or success, and the header never
 * reaches a host a redirect points to.
 */
class SecretsNeverPrintedTest {
    private static final String PLANTED = "PLANTED";
    private static final String AUTH = "Authorization: Bearer PLANTED-bearer";
    private static final String QUERY = "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAPLANTED%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20260101T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host"
            + "&X-Amz-Security-Token=PLANTED-token&X-Amz-Signature=deadbeefPLANTED";
    private final byte[] file = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(2, 2));
    private RangeHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = RangeHttpServer.start().put("/b/ok.fits", file).put("/b/denied.fits", file);
        server.fault("/b/denied.fits", (ex, object, attempt) -> {
            RangeHttpServer.sendText(ex, 403, "application/xml", "<Error><Code>AccessDenied</Code>"
                    + "<Message>Request has expired</Message></Error>");
            return true;
        });
        server.fault("/b/flaky.fits", Faults.status(500));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String presigned(String path) {
        return server.url(path) + QUERY;
    }

    private static void assertNothingPlanted(CliRun run) {
        assertThat(run.all()).doesNotContain(PLANTED);
    }

    @Test
    void aFailingPresignedUrlIsReportedWithItsSecretsMasked() {
        CliRun run = CliRun.of("headers", presigned("/b/denied.fits"), "--header", AUTH);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("access denied", "/b/denied.fits", "X-Amz-Signature=***",
                "X-Amz-Credential=***", "X-Amz-Security-Token=***", "HTTP 403");
        assertNothingPlanted(run);
    }

    @Test
    void jsonOutputAndScanSummariesShowNoSecret() {
        CliRun json = CliRun.of("headers", "--json", presigned("/b/ok.fits"), "--header", AUTH);
        assertThat(json.status()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"url\"", "/b/ok.fits", "X-Amz-Signature=***");
        assertNothingPlanted(json);

        CliRun scan = CliRun.of("headers", "--jsonl", "--retries", "1", presigned("/b/ok.fits"),
                presigned("/b/denied.fits"), presigned("/b/flaky.fits"), "--header", AUTH);
        assertThat(scan.status()).isEqualTo(1);
        assertThat(scan.out().lines()).hasSize(3);
        assertThat(scan.err()).contains("3 files, 2 failed", "failed: ", "HTTP 500");
        assertNothingPlanted(scan);

        CliRun text = CliRun.of("headers", presigned("/b/ok.fits"), "--header", AUTH);
        assertThat(text.out()).contains("=== ", "X-Amz-Signature=***");
        assertNothingPlanted(text);
    }

    @Test
    void aDownloadThatFailsShowsNoSecret(@TempDir Path dir) {
        CliRun run = CliRun.of("get", presigned("/b/denied.fits"), "-o", dir.resolve("x.fits").toString(),
                "--header", AUTH);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("access denied", "X-Amz-Signature=***");
        assertNothingPlanted(run);
    }

    @Test
    void aRefusedConnectionIsNamedAndShowsNoSecret() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRun run = CliRun.of("headers", "--retries", "0", "http://127.0.0.1:" + closed + "/b/x.fits" + QUERY,
                "--header", AUTH);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("127.0.0.1:" + closed, "connection refused");
        assertNothingPlanted(run);
    }

    @Test
    void aMalformedHeaderIsAUsageErrorThatDoesNotEchoIt() {
        CliRun header = CliRun.of("headers", server.url("/b/ok.fits"), "--header", "Authorization Bearer PLANTED");
        assertThat(header.status()).isEqualTo(2);
        assertThat(header.err()).contains("--header wants NAME:VALUE");
        assertNothingPlanted(header);
        CliRun setting = CliRun.of("headers", server.url("/b/ok.fits"), "--setting", "PLANTED-sas-token");
        assertThat(setting.status()).isEqualTo(2);
        assertThat(setting.err()).contains("--setting wants NAME=VALUE");
        assertNothingPlanted(setting);
    }

    @Test
    void theHeaderNeverFollowsARedirectToAnotherHost() throws IOException {
        List<Headers> seen = new CopyOnWriteArrayList<>();
        try (RangeHttpServer elsewhere = RangeHttpServer.start().put("/ok.fits", file)) {
            elsewhere.fault("/ok.fits", (ex, object, attempt) -> {
                Headers copy = new Headers();
                copy.putAll(ex.getRequestHeaders());
                seen.add(copy);
                return false;
            });
            server.fault("/b/moved.fits", Faults.redirect(302, elsewhere.url("/ok.fits")));
            CliRun run = CliRun.of("headers", server.url("/b/moved.fits"), "--header", AUTH);
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("--- HDU 2");
        }
        assertThat(seen).isNotEmpty().allSatisfy(h -> assertThat(h.containsKey("Authorization")).isFalse());
    }
}
