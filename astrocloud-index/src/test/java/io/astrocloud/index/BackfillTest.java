package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.scan.FitsNames;
import io.astrocloud.scan.ScanTargets;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.ObjectRef;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A backfill from a listing (what {@code astrocloud index} runs) writes the same items as the
 * Lambda writes for the same files from their S3 events, and a second run writes nothing.
 */
class BackfillTest {
    private static final String PREFIX = "backfill/";
    private static IndexFixture lambdaPath;
    private static IndexFixture backfillPath;
    private static final List<String> URLS = new ArrayList<>();

    @BeforeAll
    static void indexBothWays() throws Exception {
        lambdaPath = IndexFixture.withTable("backfill-lambda-path");
        backfillPath = IndexFixture.withTable("backfill-listing-path");
        for (Path file : Corpus.files()) {
            String key = PREFIX + file.getFileName();
            lambdaPath.indexer.apply(lambdaPath.upload(key, Files.readAllBytes(file)));
            URLS.add("s3://" + IndexFixture.BUCKET + "/" + key);
        }
        String bad = PREFIX + "not-fits.fits";
        lambdaPath.indexer.apply(lambdaPath.upload(bad, "plain text, not FITS".getBytes()));
        URLS.add("s3://" + IndexFixture.BUCKET + "/" + bad);
    }

    private static Backfill.Summary backfill(List<Backfill.ObjectResult> results) throws InterruptedException {
        Backfill b = new Backfill(backfillPath.indexer, new IndexTable(backfillPath.dynamoClient, backfillPath.table), 4);
        return b.run(listed(PREFIX), results::add);
    }

    /** The FITS objects under {@code prefix} of the test bucket, listed as the index command lists them. */
    private static Iterator<ObjectRef> listed(String prefix) {
        SourceResolver resolver = new SourceResolver(AccessOptions.builder().s3Client(backfillPath.s3Client).build());
        return ScanTargets.expand(resolver, List.of("s3://" + IndexFixture.BUCKET + "/" + prefix),
                FitsNames.DEFAULT);
    }

    /**
     * An item without what depends on when and by which event it was written: the sequencer, the
     * time, and the version (in its sort key too), which is a digest of the sequencer.
     */
    private static Map<String, AttributeValue> comparable(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> m = new TreeMap<>(item);
        m.remove(IndexSchema.SEQ);
        m.remove(IndexSchema.INDEXED_AT);
        String version = m.remove(IndexSchema.VERSION).s();
        m.put(IndexSchema.SK, AttributeValue.fromS(m.get(IndexSchema.SK).s().replace(version, "*")));
        return m;
    }

    @Test
    void writesWhatTheLambdaWritesThenNothingOnASecondRun() throws Exception {
        List<Backfill.ObjectResult> first = new ArrayList<>();
        Backfill.Summary one = backfill(first);
        long fitsFiles = URLS.stream().filter(u -> FitsNames.DEFAULT.matcher(u).matches()).count();
        assertThat(one.total()).isEqualTo(fitsFiles);
        assertThat(one.failed()).isZero();
        assertThat(one.invalid()).isEqualTo(1);
        assertThat(one.indexed()).isEqualTo(fitsFiles - 1);
        for (String url : URLS) {
            if (!FitsNames.DEFAULT.matcher(url).matches()) {
                continue;
            }
            List<Map<String, AttributeValue>> lambdaItems = lambdaPath.items(url);
            List<Map<String, AttributeValue>> backfillItems = backfillPath.items(url);
            assertThat(backfillItems).as(url).hasSameSizeAs(lambdaItems).isNotEmpty();
            for (int i = 0; i < lambdaItems.size(); i++) {
                assertThat(comparable(backfillItems.get(i))).as(url + " item " + i)
                        .isEqualTo(comparable(lambdaItems.get(i)));
            }
        }
        Map<String, String> writtenAt = new HashMap<>();
        for (String url : URLS) {
            backfillPath.items(url).forEach(i -> writtenAt.put(url + " " + i.get(IndexSchema.SK).s(),
                    i.get(IndexSchema.INDEXED_AT) == null ? "" : i.get(IndexSchema.INDEXED_AT).s()));
        }

        List<Backfill.ObjectResult> second = new ArrayList<>();
        Backfill.Summary two = backfill(second);
        assertThat(two.skipped()).isEqualTo(fitsFiles);
        assertThat(two.indexed() + two.invalid() + two.failed()).isZero();
        assertThat(second).allSatisfy(r -> assertThat(r.detail()).contains("at ETag"));
        for (String url : URLS) {
            backfillPath.items(url).forEach(i -> assertThat(i.get(IndexSchema.INDEXED_AT) == null ? ""
                    : i.get(IndexSchema.INDEXED_AT).s()).as("unchanged " + url).isEqualTo(
                    writtenAt.get(url + " " + i.get(IndexSchema.SK).s())));
        }
    }

    @Test
    void indexesAnObjectReplacedSinceTheLastRun() throws Exception {
        String key = PREFIX + "changing/frame.fits";
        backfillPath.put(key, SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(1, 2)));
        Backfill b = new Backfill(backfillPath.indexer, new IndexTable(backfillPath.dynamoClient, backfillPath.table), 2);
        List<Backfill.ObjectResult> results = new ArrayList<>();
        b.run(listed(PREFIX + "changing/"), results::add);
        assertThat(results).singleElement().satisfies(r -> assertThat(r.result()).isEqualTo(Backfill.Result.INDEXED));
        backfillPath.put(key, SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(2, 4)));
        results.clear();
        b.run(listed(PREFIX + "changing/"), results::add);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(Backfill.Result.INDEXED);
            assertThat(r.detail()).isEqualTo("5 HDUs");
        });
        assertThat(backfillPath.hdus("s3://" + IndexFixture.BUCKET + "/" + key)).hasSize(5);
        assertThat(backfillPath.items("s3://" + IndexFixture.BUCKET + "/" + key)).hasSize(2);
    }
}
