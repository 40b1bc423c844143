package io.astrocloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.http.RangeHttpServer;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The astrocloud command line against the corpus served over HTTP. */
class CommandLineTest {
    private static RangeHttpServer http;

    @BeforeAll
    static void serve() throws IOException {
        http = RangeHttpServer.start().putDirectory("/corpus", Corpus.dir());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** What a run printed and returned. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = AstroCloudCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    static Stream<String> corpusFiles() throws IOException {
        return Corpus.files().stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("astropy_header_with_time_wcslib71.fits"));
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void headersJsonAgreesWithAstropy(String file) throws IOException {
        String url = http.url("/corpus/" + file);
        Run run = file.endsWith(".gz") ? run("headers", "--json", "--gzip", url) : run("headers", "--json", url);
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("url").asText()).isEqualTo(url);
        assertThat(doc.get("size").asLong()).isEqualTo(Files.size(Corpus.file(file)));
        assertThat(doc.get("etag").asText()).isNotBlank();
        assertThat(doc.get("stats").get("requests").asLong()).isPositive();
        assertThat(doc.get("stats").get("bytesFetched").asLong()).isPositive();
        assertThat(GoldenCorpus.of(file).differences(doc)).isEmpty();
    }

    @Test
    void printsCardsAndALinePerHduThenASummary() {
        Run run = run("headers", http.url("/corpus/astropy_o4sp040b0_raw.fits"));
        assertThat(run.status()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("--- HDU ")).count()).isEqualTo(7);
        assertThat(run.out()).contains("--- HDU 1  IMAGE    header @17,280 (11,520 bytes)  data @28,800 (5,456 bytes)");
        // Cards are 80 characters; the lines about HDUs and files and each HDU's description may be longer.
        assertThat(run.out().lines().filter(l -> l.length() > 80)
                .filter(l -> !l.startsWith("--- ") && !l.startsWith("=== ") && !l.matches(" {4}\\S.*"))).isEmpty();
        assertThat(run.out()).contains("--- HDU 1  IMAGE    header @17,280 (11,520 bytes)  data @28,800 (5,456 bytes)\n"
                + "    no product type, no sky position, 1998-04-20T18:38:16 .. +30 s, exposure 30 s\n");
        assertThat(run.out()).containsPattern("=== .*: 7 HDUs, \\d+ requests, [0-9,]+ bytes fetched of 74,880");
    }

    @Test
    void reportsErrorsOnStderrWithUrlHduAndOffsetAndFailsTheRun() {
        String good = http.url("/corpus/astropy_ascii.fits");
        String gz = http.url("/corpus/radiobeam_m83.moment0.fits.gz");
        Run run = run("headers", good, gz, http.url("/corpus/nothing.fits"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("--- HDU 1  TABLE");
        assertThat(run.err()).contains("failed: " + gz + ": invalid FITS: " + gz
                + ", HDU 0, byte 0: the object is gzip-compressed");
        assertThat(run.err()).contains("failed: " + http.url("/corpus/nothing.fits") + ": object not found: "
                + http.url("/corpus/nothing.fits") + " at byte 0 (HTTP 404)");
        assertThat(run.err()).contains("3 files, 2 failed");
        Run single = run("headers", gz);
        assertThat(single.status()).isEqualTo(1);
        assertThat(single.err()).startsWith("error: invalid FITS: " + gz + ", HDU 0, byte 0");
    }

    @Test
    void scansSeveralUrlsAsJsonLinesAndSummarisesFailures() throws IOException {
        List<String> names = List.of("astropy_ascii.fits", "fv_rosat.evt", "missing.fits", "pyraf_pset_msstat_input.fits");
        String[] args = Stream.concat(Stream.of("headers", "--jsonl", "--concurrency", "3"),
                names.stream().map(n -> http.url("/corpus/" + n))).toArray(String[]::new);
        Run run = run(args);
        assertThat(run.status()).isEqualTo(1);
        List<String> lines = run.out().lines().collect(java.util.stream.Collectors.toList());
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode doc = json.readTree(line);
            String file = doc.get("url").asText().replaceAll(".*/", "");
            if (file.equals("missing.fits")) {
                assertThat(doc.get("error").asText()).contains("object not found");
            } else {
                assertThat(GoldenCorpus.of(file).differences(doc)).isEmpty();
            }
        }
        assertThat(run.err()).contains("4 files, 1 failed").contains("failed: " + http.url("/corpus/missing.fits"));
    }

    @Test
    void walksEveryFitsFileUnderAnS3Prefix() throws IOException {
        try (TestS3 s3 = TestS3.start()) {
            s3.createBucket("survey");
            for (int i = 0; i < 25; i++) {
                s3.put("survey", "night1/f" + i + ".fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(i, 2)));
            }
            s3.put("survey", "night1/notes.txt", "not FITS".getBytes());
            System.setProperty("aws.accessKeyId", s3.accessKey());
            System.setProperty("aws.secretAccessKey", s3.secretKey());
            Run run;
            try {
                run = run("headers", "s3://survey/night1/", "--endpoint", s3.endpoint().toString(),
                        "--region", s3.region(), "--jsonl");
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out().lines()).hasSize(25).allSatisfy(l -> assertThat(l).contains("\"SEQNUM\""));
            assertThat(run.err()).contains("25 files, 0 failed");
        }
    }

    @Test
    void getsAByteRangeAndAWholeFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("copy.fits");
        Run run = run("get", http.url("/corpus/fv_rosat.evt"), "-o", target.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(Corpus.file("fv_rosat.evt")));
        Path part = dir.resolve("part.bin");
        run = run("get", http.url("/corpus/fv_rosat.evt"), "--range", "2880-5759", "-o", part.toString());
        assertThat(run.status()).isZero();
        assertThat(Files.readAllBytes(part))
                .isEqualTo(Arrays.copyOfRange(Files.readAllBytes(Corpus.file("fv_rosat.evt")), 2880, 5760));
    }
}
