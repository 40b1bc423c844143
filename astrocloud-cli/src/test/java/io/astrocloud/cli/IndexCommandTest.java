package io.astrocloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.index.IndexFixture;
import io.astrocloud.index.IndexedHdu;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code astrocloud index} against S3Proxy and DynamoDB Local (the Lambda module's test fixture,
 * with the table made from template.yaml): a prefix is indexed, and a second run skips it all.
 */
class IndexCommandTest {
    @Test
    void indexesAPrefixAndResumes() {
        IndexFixture f = IndexFixture.withTable("cli-index");
        for (int i = 0; i < 12; i++) {
            f.put("cli/night/f" + i + ".fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(i, 2)));
        }
        f.put("cli/night/broken.fits", "SIMPLE  = nope".getBytes());
        f.put("cli/night/notes.txt", "not listed".getBytes());
        String[] args = {"index", "s3://" + IndexFixture.BUCKET + "/cli/night/", "--table", "cli-index",
            "--endpoint", IndexFixture.s3().endpoint().toString(), "--region", IndexFixture.s3().region(),
            "--dynamodb-endpoint", IndexFixture.dynamo().endpoint().toString(), "--concurrency", "4"};
        System.setProperty("aws.accessKeyId", IndexFixture.s3().accessKey());
        System.setProperty("aws.secretAccessKey", IndexFixture.s3().secretKey());
        try {
            CommandLineTest.Run first = CommandLineTest.run(args);
            assertThat(first.status()).as(first.err()).isZero();
            assertThat(first.out().lines().filter(l -> l.startsWith("indexed "))).hasSize(12);
            assertThat(first.out()).contains("invalid s3://" + IndexFixture.BUCKET + "/cli/night/broken.fits");
            assertThat(first.err()).contains("13 objects: 12 indexed, 1 invalid, 0 skipped, 0 failed");
            List<IndexedHdu> hdus = f.hdus("s3://" + IndexFixture.BUCKET + "/cli/night/f7.fits");
            assertThat(hdus).hasSize(3);
            assertThat(hdus.get(0).obs().string(ObsCoreColumn.TARGET_NAME)).contains("FIELD-7");
            assertThat(f.reader().byTarget("field 7")).singleElement().satisfies(m -> assertThat(m.url())
                    .isEqualTo("s3://" + IndexFixture.BUCKET + "/cli/night/f7.fits"));

            CommandLineTest.Run second = CommandLineTest.run(args);
            assertThat(second.status()).isZero();
            assertThat(second.err()).contains("13 objects: 0 indexed, 0 invalid, 13 skipped, 0 failed");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
