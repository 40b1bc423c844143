package io.astrocloud.samples.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.index.IndexedHdu;
import io.astrocloud.samples.AwsServers;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Indexing on upload against S3Proxy and DynamoDB Local: a real FITS file (from the corpus) is
 * uploaded, S3's notification JSON goes through the Lambda runtime's serialization to the
 * function, and the index finds it by OBJECT with every card as astropy reads it. The Lambda
 * runtime itself cannot run here; {@code LocalInvoke} does what it does with the JSON.
 */
class IndexOnUploadTest {
    @Test
    void anUploadedFileIsFoundByItsObjectThroughTheIndexWithEveryCard() throws IOException {
        String table = AwsServers.newTable("upload");
        TestS3 s3 = AwsServers.s3();
        s3.createBucket(UploadWalkthrough.BUCKET);
        IndexOnUpload sample = new IndexOnUpload(s3.admin(), s3.region(), AwsServers.dynamoClient(), table,
                AwsServers.function(table));
        String file = "astropy_chandra_time.fits";
        String key = "chandra/Mrk 1434 + ACIS.fits";
        String url = "s3://" + UploadWalkthrough.BUCKET + "/" + key;

        IndexOnUpload.Delivery delivery = sample.upload(UploadWalkthrough.BUCKET, key, Files.readAllBytes(Corpus.file(file)));

        assertThat(delivery.url()).isEqualTo(url);
        assertThat(delivery.notification()).contains("\"eventName\" : \"ObjectCreated:Put\"")
                .contains("\"key\" : \"chandra/Mrk+1434+%2B+ACIS.fits\"").contains("\"size\" : 31680");
        assertThat(delivery.result()).isEqualTo("\"1 event(s) applied\"");
        assertThat(delivery.functionLog()).singleElement().asString().startsWith("INDEXED " + url + " (2 HDUs)");

        for (String spelling : List.of("Mrk 1434", "MRK1434", "mrk-1434")) {
            assertThat(sample.findByTarget(spelling)).as(spelling).singleElement().satisfies(hdus -> {
                assertThat(hdus.url()).isEqualTo(url);
                assertThat(hdus.hdus()).containsExactly(1);
                assertThat(hdus.string(ObsCoreColumn.DATAPRODUCT_TYPE)).contains("event");
                assertThat(hdus.string(ObsCoreColumn.INSTRUMENT_NAME)).contains("ACIS");
                assertThat(hdus.string(ObsCoreColumn.FACILITY_NAME)).contains("CHANDRA");
                assertThat(hdus.obsTime()).startsWith("2016-01-26");
            });
        }
        assertThat(sample.findByTarget("Mrk 1435")).isEmpty();
        assertThat(sample.findByInstrument("acis")).hasSize(1);

        GoldenCorpus golden = GoldenCorpus.of(file);
        List<IndexedHdu> hdus = sample.indexed(url).orElseThrow().hdus();
        assertThat(hdus).hasSize(golden.hdus().size());
        assertThat(hdus.get(1).type()).isEqualTo("BINTABLE");
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < hdus.size(); i++) {
            differences.addAll(GoldenCorpus.cardDifferences(file + " HDU " + i, hdus.get(i).cards(),
                    golden.hdus().get(i).get("cards")));
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void theWalkthroughIndexesEachUploadAndFindsThemByTargetAndInstrument() throws IOException {
        StringWriter out = new StringWriter();
        String table = "walkthrough-" + System.nanoTime();

        UploadWalkthrough.run(AwsServers.s3(), AwsServers.dynamo(), table, new PrintWriter(out, true));

        String field7 = "s3://fits-archive/surveys/field 7/small+mef.fits";
        assertThat(out.toString())
                .contains("S3 event for " + field7 + " -> IndexFunction: \"1 event(s) applied\"")
                .contains("log: INDEXED " + field7 + " (3 HDUs): 1 requests, 14400 bytes read")
                .contains("log: INDEXED s3://fits-archive/surveys/field 8/small+mef.fits (4 HDUs)")
                .contains("found " + field7 + "  HDU 1-2 image  target_name=FIELD-7  facility_name=SYNTH"
                        + "  instrument_name=CAM1  start=2024-01-17T00:00:00.000")
                .doesNotContain("OBJECT=FIELD-8");
        if (AwsServers.s3().embedded()) {
            assertThat(out.toString())
                    .containsPattern("log: INDEXED s3://fits-archive/tess/tess-s0022-4-4-cube.fits \\(3 HDUs\\): "
                            + "\\d requests, [0-9]+ bytes read")
                    .contains("found s3://fits-archive/tess/tess-s0022-4-4-cube.fits  HDU 1 cube  facility_name=TESS"
                            + "  instrument_name=TESS Photometer  start=2020-02-19T02:52:51.553");
        }
    }
}
