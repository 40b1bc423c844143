package io.astrocloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.RangeHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the command line says about itself and its options: usage errors exit 2, help fits the
 * terminal, the version is the build's, progress goes to stderr alone and only when asked or when
 * stderr is a terminal.
 */
class UsageAndProgressTest {
    private static final byte[] FILE = SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(1, 3));
    private static RangeHttpServer http;

    @BeforeAll
    static void serve() {
        try {
            http = RangeHttpServer.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < 5; i++) {
            http.put("/f" + i + ".fits", FILE);
        }
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void jsonAndJsonLinesTogetherAreAUsageError() {
        CliRun run = CliRun.of("headers", "--json", "--jsonl", http.url("/f0.fits"));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--json, --jsonl are mutually exclusive").contains("Usage: astrocloud headers");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--timeout=0", "--timeout=abc", "--retries=-1", "--read-ahead=100", "--max-header=10",
        "--concurrency=0", "--include=[unclosed", "--header=NoColon", "--setting=NoEquals"})
    void anInvalidOptionValueIsAUsageError(String option) {
        CliRun run = CliRun.of("headers", option, http.url("/f0.fits"));
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: astrocloud headers");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "10-5", "99999999999999999999-"})
    void anInvalidRangeIsAUsageError(String range) {
        CliRun run = CliRun.of("get", http.url("/f0.fits"), "--range", range);
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("--range").contains("Usage: astrocloud get");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void anIndexOfAnythingButS3IsAUsageError() {
        CliRun run = CliRun.of("index", http.url("/f0.fits"), "--table", "t", "--region", "us-east-1");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("index reads S3 objects");
    }

    @ParameterizedTest
    @ValueSource(strings = {"index", "headers", "get"})
    void helpFitsEightyColumnsAndWrapsItsDescriptionAsOneParagraph(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.status()).isZero();
        HelpLayout.assertReadable(run.out(), command);
    }

    @Test
    void theVersionIsTheBuildsVersion() throws IOException {
        Properties built = new Properties();
        try (InputStream in = UsageAndProgressTest.class.getResourceAsStream(VersionProvider.RESOURCE)) {
            built.load(in);
        }
        String version = built.getProperty("version");
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
        CliRun run = CliRun.of("--version");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("astrocloud " + version + "\n");
    }

    @Test
    void progressGoesToStderrWhenAskedAndNeverIntoTheOutput() {
        String[] urls = java.util.stream.IntStream.range(0, 5).mapToObj(i -> http.url("/f" + i + ".fits"))
                .toArray(String[]::new);
        CliRun shown = CliRun.of(concat(new String[] {"headers", "--jsonl", "--progress"}, urls));
        assertThat(shown.status()).as(shown.err()).isZero();
        assertThat(shown.err()).contains("\r5 files").contains("files/s");
        assertThat(shown.out().lines()).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("{\"url\""));
        assertThat(shown.out()).doesNotContain("\r").doesNotContain("files/s");

        CliRun hidden = CliRun.of(concat(new String[] {"headers", "--jsonl", "--no-progress"}, urls));
        assertThat(hidden.err()).doesNotContain("\r").contains("5 files, 0 failed");
    }

    @Test
    void progressFollowsWhetherStderrIsATerminalWhateverStdoutIs() {
        String[] urls = {http.url("/f0.fits"), http.url("/f1.fits")};
        // Under the test runner stderr is a pipe: no progress unless asked.
        assertThat(Terminal.stderrIsTerminal()).isFalse();
        assertThat(CliRun.of(concat(new String[] {"headers", "--jsonl"}, urls)).err()).doesNotContain("\r");
        System.setProperty(Terminal.PROPERTY, "true");
        try {
            CliRun run = CliRun.of(concat(new String[] {"headers", "--jsonl"}, urls));
            assertThat(run.err()).contains("\r2 files");
            assertThat(run.out()).doesNotContain("\r");
        } finally {
            System.clearProperty(Terminal.PROPERTY);
        }
    }

    @Test
    void aDownloadToStdoutDrawsItsBarOnStderrOnly() {
        CliRun run = CliRun.of("get", http.url("/f0.fits"), "--progress");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.stdout()).isEqualTo(FILE);
        assertThat(run.err()).contains("\r[").contains("100%");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
