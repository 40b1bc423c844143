package io.astrocloud.samples.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.index.HduMatch;
import io.astrocloud.index.IndexSchema;
import io.astrocloud.index.IndexedObject;
import io.astrocloud.samples.AwsServers;
import io.astrocloud.samples.RouteDsl;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import io.astrocloud.testkit.s3.TestS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The upload-and-index route in both DSLs, run by camel-main against S3Proxy and DynamoDB Local:
 * FITS files dropped into an inbox folder end up in the bucket and in the index, found by target;
 * other files stay where they are.
 */
class UploadRoutesTest {
    @ParameterizedTest
    @EnumSource(RouteDsl.class)
    void filesDroppedIntoTheInboxAreUploadedIndexedAndFoundByObject(RouteDsl dsl, @TempDir Path inbox) throws Exception {
        String table = AwsServers.newTable("route-" + dsl.name().toLowerCase());
        TestS3 s3 = AwsServers.s3();
        s3.createBucket(UploadWalkthrough.BUCKET);
        IndexOnUpload sample = new IndexOnUpload(s3.admin(), s3.region(), AwsServers.dynamoClient(), table,
                AwsServers.function(table));
        Files.createDirectories(inbox.resolve("chandra"));
        Files.copy(Corpus.file("astropy_chandra_time.fits"), inbox.resolve("chandra/mrk1434.fits"));
        Files.createDirectories(inbox.resolve("surveys"));
        Files.write(inbox.resolve("surveys/field 7.fits"), SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(7, 2)));
        Files.writeString(inbox.resolve("notes.txt"), "not a FITS file");

        UploadRoutes.run(dsl, inbox, UploadWalkthrough.BUCKET, sample, 2, Duration.ofSeconds(60));

        assertThat(urls(sample.findByTarget("Mrk 1434"))).containsExactly("s3://fits-archive/chandra/mrk1434.fits");
        assertThat(urls(sample.findByTarget("FIELD-7"))).containsExactly("s3://fits-archive/surveys/field 7.fits");
        IndexedObject file = sample.indexed("s3://fits-archive/surveys/field 7.fits").orElseThrow();
        assertThat(file.status()).isEqualTo(IndexSchema.FileStatus.INDEXED);
        assertThat(file.hdus()).hasSize(3);
        assertThat(s3.admin().headObject(b -> b.bucket(UploadWalkthrough.BUCKET).key("chandra/mrk1434.fits"))
                .contentLength()).isEqualTo(Files.size(Corpus.file("astropy_chandra_time.fits")));
        assertThat(inbox.resolve("chandra/mrk1434.fits")).doesNotExist();
        assertThat(inbox.resolve("surveys/field 7.fits")).doesNotExist();
        assertThat(inbox.resolve("notes.txt")).exists();
    }

    private static List<String> urls(List<HduMatch> found) {
        return found.stream().map(HduMatch::url).toList();
    }
}
