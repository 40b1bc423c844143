package io.astrocloud.cli;

import static io.astrocloud.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.cli.CommandLineTest.Run;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.azure.TestAzure;
import io.astrocloud.testkit.gcs.TestGcs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on Google Cloud Storage (the JSON API test double {@link TestGcs}, read by the
 * real client) and Azure Blob Storage (Azurite from npm): the whole corpus under a prefix, printed
 * as JSON lines and compared with astropy, single objects by each URL form, and a download.
 */
class CloudStoresCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestGcs gcs;
    private static TestAzure azure;

    @BeforeAll
    static void serveCorpus() throws IOException {
        gcs = TestGcs.start();
        gcs.createBucket("survey", true, false);
        azure = TestAzure.start();
        azure.createContainer("survey", false);
        for (Path f : Corpus.files()) {
            gcs.put("survey", "real/" + f.getFileName(), f);
            azure.put("survey", "real/" + f.getFileName(), f);
        }
    }

    @AfterAll
    static void stop() {
        if (gcs != null) {
            gcs.close();
        }
        if (azure != null) {
            azure.close();
        }
    }

    private static String[] gcsArgs(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--anonymous", "--setting", "gcs.endpoint=" + gcs.host()));
        return all.toArray(String[]::new);
    }

    private static String[] azureSasArgs(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--setting", "azure.endpoint=" + azure.endpoint(),
                "--azure-sas", azure.containerSas("survey", "rl", Duration.ofHours(1))));
        return all.toArray(String[]::new);
    }

    @Test
    void walksTheWholeCorpusUnderAGcsPrefixAsAstropyReadsIt() throws IOException {
        Run run = run(gcsArgs("headers", "gs://survey/real/", "--jsonl", "--gzip", "--include", ".*"));
        assertWholeCorpus(run, "gs://survey/real/");
    }

    @Test
    void walksTheWholeCorpusUnderAnAzurePrefixAsAstropyReadsIt() throws IOException {
        Run run = run(azureSasArgs("headers", "az://survey/real/", "--jsonl", "--gzip", "--include", ".*"));
        assertWholeCorpus(run, "az://survey/real/");
    }

    @Test
    void walksOneObjectByEachCloudUrlForm() throws IOException {
        String file = "astropy_o4sp040b0_raw.fits";
        long size = Files.size(Corpus.file(file));
        for (Run run : List.of(
                run(gcsArgs("headers", "--json", "gs://survey/real/" + file)),
                run(gcsArgs("headers", "--json", "https://storage.googleapis.com/survey/real/" + file)),
                run(azureSasArgs("headers", "--json", "az://survey/real/" + file)),
                run("headers", "--json", "https://" + azure.account() + ".blob.core.windows.net/survey/real/" + file,
                        "--setting", "azure.endpoint=" + azure.endpoint(),
                        "--setting", "azure.accountKey=" + azure.accountKey()))) {
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode doc = JSON.readTree(run.out());
            assertThat(doc.get("size").asLong()).isEqualTo(size);
            assertThat(doc.get("etag").asText()).isNotBlank();
            assertThat(GoldenCorpus.of(file).differences(doc)).isEmpty();
        }
    }

    @Test
    void downloadsFromAzureAndGcsByteForByte(@TempDir Path dir) throws IOException {
        byte[] expected = Files.readAllBytes(Corpus.file("fv_rosat.evt"));
        Path fromAzure = dir.resolve("azure.evt");
        Run run = run(azureSasArgs("get", "az://survey/real/fv_rosat.evt", "-o", fromAzure.toString()));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(fromAzure)).isEqualTo(expected);
        Path fromGcs = dir.resolve("gcs.evt");
        run = run(gcsArgs("get", "gs://survey/real/fv_rosat.evt", "-o", fromGcs.toString()));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(fromGcs)).isEqualTo(expected);
    }

    @Test
    void saysWhichSettingAnAzSchemeUrlNeeds() {
        Run run = run("headers", "az://survey/real/fv_rosat.evt");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("az:// URLs need the storage account").contains("--azure-account");
    }

    /** Every corpus file, one JSON line each, agrees with astropy (the non-standard file: its cards). */
    private static void assertWholeCorpus(Run run, String prefix) throws IOException {
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().lines().collect(java.util.stream.Collectors.toList());
        assertThat(lines).hasSize(Corpus.files().size());
        for (String line : lines) {
            JsonNode doc = JSON.readTree(line);
            String url = doc.get("url").asText();
            assertThat(url).startsWith(prefix);
            String file = url.substring(prefix.length());
            assertThat(doc.get("size").asLong()).as(url).isEqualTo(Files.size(Corpus.file(file)));
            GoldenCorpus golden = GoldenCorpus.of(file);
            if (golden.nonstandard()) {
                assertThat(GoldenCorpus.cardDifferences(file, doc.get("hdus").get(0).get("cards"),
                        golden.nonstandardCards())).isEmpty();
            } else {
                assertThat(golden.differences(doc)).as(url).isEmpty();
            }
        }
        assertThat(run.err()).contains(Corpus.files().size() + " files, 0 failed");
    }
}
