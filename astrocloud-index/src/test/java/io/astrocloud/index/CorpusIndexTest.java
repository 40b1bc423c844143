package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.describe.ObsCoreMapper;
import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.GoldenCorpus;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The 30 real corpus files uploaded to S3Proxy and indexed into DynamoDB Local: every HDU's
 * offsets and every card (with its value's type) read back from the table agree with astropy's
 * golden records; the stored descriptions are the describer's; the HDU items carry the ObsCore
 * columns of the HDUs they list; both secondary indexes answer as designed, whatever the spelling.
 */
class CorpusIndexTest {
    private static IndexFixture f;
    private static final Map<String, IndexOutcome> OUTCOMES = new HashMap<>();

    @BeforeAll
    static void indexCorpus() throws Exception {
        f = IndexFixture.withTable("corpus-index");
        for (Path file : Corpus.files()) {
            String name = file.getFileName().toString();
            ObjectEvent e = f.upload("corpus/" + name, Files.readAllBytes(file));
            OUTCOMES.put(name, f.indexer.apply(e));
        }
    }

    private static String url(String name) {
        return "s3://" + IndexFixture.BUCKET + "/corpus/" + name;
    }

    @Test
    void indexesEveryCorpusFileAsAstropyReadsIt() throws IOException {
        assertThat(OUTCOMES).hasSize(30);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, IndexOutcome> e : OUTCOMES.entrySet()) {
            String name = e.getKey();
            GoldenCorpus golden = GoldenCorpus.of(name);
            IndexOutcome outcome = e.getValue();
            assertThat(outcome.result()).as(name + ": " + outcome).isEqualTo(IndexOutcome.Result.INDEXED);
            JsonNode doc = f.asWalkDocument(url(name));
            if (golden.nonstandard()) {
                differences.addAll(GoldenCorpus.cardDifferences(name, doc.get("hdus").get(0).get("cards"),
                        golden.nonstandardCards()));
                continue;
            }
            assertThat(outcome.hduCount()).as(name).isEqualTo(golden.hdus().size());
            assertThat(f.fileItem(url(name)).get("hduCount").n()).isEqualTo(Integer.toString(golden.hdus().size()));
            differences.addAll(golden.differences(doc));
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void fileItemRecordsSizeEtagSequencerAndWarnings() throws IOException {
        String name = "astropy_header_with_time_wcslib71.fits";
        Map<String, AttributeValue> file = f.fileItem(url(name));
        assertThat(file.get("fileStatus").s()).isEqualTo("INDEXED");
        assertThat(file.get("objectSize").n()).isEqualTo(Long.toString(Files.size(Corpus.file(name))));
        assertThat(file.get("etag").s()).matches("[0-9a-f]{32}");
        assertThat(file.get("seq").s()).hasSize(Sequencer.WIDTH);
        assertThat(file.get("ver").s()).matches("[0-9a-f]{16}");
        assertThat(file.get("derivedItems").n()).isEqualTo("0");
        assertThat(file.get("blobParts").n()).isEqualTo("0");
        assertThat(file.get("walkWarnings").l()).singleElement().extracting(AttributeValue::s).asString()
                .contains("240 bytes after the last HDU");
    }

    @Test
    void hduItemsCarryTheObsCoreColumnsOfTheHdusTheyListAndTheStoredDescriptionIsTheDescribers()
            throws IOException {
        for (Path file : Corpus.files()) {
            String url = url(file.getFileName().toString());
            List<IndexedHdu> hdus = f.hdus(url);
            // The description stored in the file item is the one the describer gives for the walked file.
            try (HeaderWalk walk = HeaderWalk.over(new MemoryRangeSource(url, Files.readAllBytes(file)),
                    HeaderReader.WALK)) {
                List<Hdu> walked = walk.toList();
                for (Hdu h : walked) {
                    assertThat(hdus.get(h.index()).obs()).as(url + " HDU " + h.index())
                            .isEqualTo(ObsCoreMapper.describe(h, walked.get(0)));
                }
            }
            Set<Integer> listed = new TreeSet<>();
            for (Map<String, AttributeValue> item : f.hduItems(url)) {
                for (int index : HduRanges.parse(item.get(IndexSchema.HDUS).s())) {
                    assertThat(listed.add(index)).as(url + ": HDU " + index + " in one item").isTrue();
                    IndexedHdu h = hdus.get(index);
                    // Compared typed: DynamoDB normalises numbers (50.0 is stored as 50).
                    assertThat(ObsCoreAttributes.values(item)).as(url + " HDU " + index).isEqualTo(h.obs().values());
                    assertThat(item.get(IndexSchema.FILTER_NAME) == null ? null : item.get(IndexSchema.FILTER_NAME).s())
                            .isEqualTo(h.filter());
                }
            }
            boolean anyData = hdus.stream().anyMatch(IndexedHdu::holdsData);
            for (IndexedHdu h : hdus) {
                boolean searchable = h.filter() != null
                        || HduItems.SEARCHABLE.stream().anyMatch(c -> h.obs().value(c).isPresent());
                boolean candidate = anyData ? h.holdsData() : h.index() == 0;
                assertThat(listed.contains(h.index())).as(url + " HDU " + h.index()).isEqualTo(candidate && searchable);
            }
        }
    }

    @Test
    void hduItemsSpotChecked() {
        List<Map<String, AttributeValue>> checksum = f.hduItems(url("astropy_checksum.fits"));
        assertThat(checksum).hasSize(2);
        Map<String, AttributeValue> image = checksum.get(0);
        assertThat(image.get("hdus").s()).isEqualTo("0");
        assertThat(image.get("dataproduct_type").s()).isEqualTo("image");
        assertThat(image.get("target_name").s()).isEqualTo("NGC 1316");
        assertThat(image.get("targetKey").s()).isEqualTo("ngc1316");
        assertThat(Double.parseDouble(image.get("s_ra").n())).isEqualTo(51.18792506525489);
        assertThat(image.get("obsTime").s()).isEqualTo(IndexSchema.UNDATED);
        Map<String, AttributeValue> table = checksum.get(1);
        assertThat(table.get("hdus").s()).isEqualTo("1");
        assertThat(table.get("dataproduct_type").s()).isEqualTo("timeseries");
        assertThat(table.get("targetKey").s()).isEqualTo("grs1915+105");
        assertThat(table.get("instrumentKey").s()).startsWith("asm#");
        assertThat(table.get("obsTime").s()).isEqualTo("1996-01-06T08:55:59.981");
        // The 24 extensions of a RHESSI observing summary describe one thing: one item.
        assertThat(f.hduItems(url("sunpy_hsi_obssumm_truncated.fits.gz"))).singleElement()
                .satisfies(i -> assertThat(i.get("hdus").s()).isEqualTo("1-24"));
        // FILTER comes from the HDU's own header, else from the primary's.
        assertThat(f.hduItems(url("pyraf_pset_msstat_input.fits"))).extracting(i -> i.get("hdus").s() + " "
                + i.get("filterName").s() + " " + i.get("filterKey").s())
                .containsExactly("1 Long_Pass longpass", "4 Long_Pass longpass", "7 Long_Pass longpass");
        // Tables with nothing to search by (no type, target, instrument, time, sky or filter) have no item.
        assertThat(f.hduItems(url("astropy_ascii.fits"))).isEmpty();
        assertThat(f.hdus(url("astropy_ascii.fits"))).hasSize(2);
    }

    @Test
    void findsHdusByTargetWhateverTheSpelling() {
        for (String spelling : List.of("NGC 1316", "ngc1316", "NGC-1316", "ngc 1316")) {
            assertThat(urls(f.reader().byTarget(spelling))).as(spelling).containsExactlyInAnyOrder(
                    url("astropy_checksum.fits"), url("astropy_checksum_false.fits"), url("astropy_comp.fits"));
        }
        assertThat(f.reader().byTarget("GRS 1915+105")).extracting(HduMatch::url, HduMatch::hdus).containsExactlyInAnyOrder(
                tuple(url("astropy_checksum.fits"), List.of(1)), tuple(url("astropy_checksum_false.fits"), List.of(1)));
        assertThat(f.reader().byTarget("GRS 1915-105")).as("another source").isEmpty();
        assertThat(urls(f.reader().byTarget("Sun"))).containsExactlyInAnyOrder(url("sunpy_go1520110607.fits"),
                url("sunpy_hsi_image_20101016_191218.fits"), url("sunpy_hsi_obssumm_truncated.fits.gz"));
        assertThat(f.reader().byTarget("Mrk 1434")).singleElement().satisfies(m -> {
            assertThat(m.string(ObsCoreColumn.INSTRUMENT_NAME)).contains("ACIS");
            assertThat(m.obs().get(ObsCoreColumn.T_MIN)).isEqualTo(57413.74895707372);
        });
    }

    @Test
    void findsHdusByInstrumentWithinATimeRange() {
        assertThat(f.reader().byInstrument("PSPC", "1993", "1994")).singleElement().satisfies(m -> {
            assertThat(m.url()).isEqualTo(url("fv_rosat.evt"));
            assertThat(m.hdus()).containsExactly(2);
            assertThat(m.obsTime()).isEqualTo("1993-03-08T10:30:32.000");
        });
        assertThat(f.reader().byInstrument("pspc", "1994", null)).isEmpty();
        // Dated first, by time, then undated; across all the instrument's shards.
        assertThat(f.reader().byInstrument("stis")).extracting(m -> m.hdus().get(0)).containsExactly(1, 4, 7);
        assertThat(f.reader().byInstrument("stis").get(2).obsTime()).isEqualTo(IndexSchema.UNDATED);
        assertThat(f.reader().byInstrument("STIS", "2004", "2005")).hasSize(2);
        assertThat(urls(f.reader().byInstrument("x-ray DETECTOR"))).containsExactly(url("sunpy_go1520110607.fits"));
    }

    @Test
    void instrumentIndexIsSortedByObservationDate() {
        for (int seq : new int[] {7, 1, 4}) {
            ObjectEvent e = f.upload("dated/cam-" + seq + ".fits",
                    SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(seq, 1)));
            assertThat(apply(e).result()).isEqualTo(IndexOutcome.Result.INDEXED);
        }
        assertThat(f.reader().byInstrument("CAM1")).extracting(HduMatch::obsTime)
                .containsExactly("2024-01-11T00:00:00.000", "2024-01-14T00:00:00.000", "2024-01-17T00:00:00.000");
    }

    @Test
    void attributeNamesNeedNoEscapingInExpressions() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        Set<String> notNames = Set.of("FILE_SK", "UNDATED", "BY_TARGET", "BY_INSTRUMENT", "VERSIONED_PREFIX");
        for (Field field : IndexSchema.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !notNames.contains(field.getName())) {
                names.add((String) field.get(null));
            }
        }
        for (ObsCoreColumn c : ObsCoreColumn.values()) {
            names.add(c.columnName());
        }
        assertThat(names).hasSizeGreaterThan(55);
        // DynamoDB rejects a reserved word used as a name in an expression; DynamoDB Local too.
        QueryResponse r = f.dynamoClient.query(q -> q.tableName(f.table)
                .keyConditionExpression("pk = :pk")
                .filterExpression("attribute_exists(target_name) AND itemType = :hdu")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(url("astropy_checksum.fits")),
                        ":hdu", AttributeValue.fromS("HDU")))
                .projectionExpression(String.join(", ", names)));
        assertThat(r.items()).hasSize(2);
    }

    private static IndexOutcome apply(ObjectEvent e) {
        try {
            return f.indexer.apply(e);
        } catch (IndexingException ex) {
            throw new AssertionError(ex);
        }
    }

    private static Set<String> urls(List<HduMatch> matches) {
        return matches.stream().map(HduMatch::url).collect(Collectors.toSet());
    }
}
