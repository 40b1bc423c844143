package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * golden records; the promoted attributes and both secondary indexes answer as designed.
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
        assertThat(file.get("walkWarnings").l()).singleElement().extracting(AttributeValue::s).asString()
                .contains("240 bytes after the last HDU");
    }

    @Test
    void promotesCommonKeywordsOfEachHdusOwnHeader() {
        List<Map<String, AttributeValue>> checksum = f.hduItems(url("astropy_checksum.fits"));
        Map<String, AttributeValue> primary = checksum.get(0);
        assertThat(primary.get("objectName").s()).isEqualTo("NGC 1316");
        assertThat(primary.get("telescope").s()).isEqualTo("Optical");
        assertThat(Double.parseDouble(primary.get("raDeg").n())).isEqualTo(50.1966661513);
        assertThat(Double.parseDouble(primary.get("decDeg").n())).isEqualTo(-37.3856168315);
        assertThat(primary.get("raDecFrom").s()).isEqualTo("CRVAL1/CRVAL2");
        assertThat(primary.get("obsDate").s()).isEqualTo(IndexSchema.UNDATED);
        Map<String, AttributeValue> table = checksum.get(1);
        assertThat(table.get("objectName").s()).isEqualTo("grs1915+105");
        assertThat(table.get("instrument").s()).isEqualTo("ASM");
        assertThat(table.get("dateObs").s()).isEqualTo("06/01/96");
        assertThat(table.get("obsDate").s()).isEqualTo("1996-01-06");
        assertThat(table.get("raDecFrom").s()).isEqualTo("RA_OBJ/DEC_OBJ");
        assertThat(Double.parseDouble(table.get("raDeg").n())).isEqualTo(288.8);

        Map<String, AttributeValue> chandra = f.hduItems(url("astropy_chandra_time.fits")).get(1);
        assertThat(chandra.get("raDecFrom").s()).isEqualTo("RA_TARG/DEC_TARG");
        assertThat(Double.parseDouble(chandra.get("exposureTime").n())).isEqualTo(3.1);
        assertThat(chandra.get("telescope").s()).isEqualTo("CHANDRA");

        // CRVAL1/2 on solar (HPLN/HPLT) or pixel axes are not RA/Dec.
        assertThat(f.hduItems(url("sunpy_resampled_hmi.fits")).get(0)).doesNotContainKey("raDeg");
        assertThat(f.hduItems(url("astropy_fixed-1890.fits")).get(0)).doesNotContainKeys("raDeg", "objectName", "obsDate");
        // A blank TELESCOP is absent, not an empty attribute.
        assertThat(f.hduItems(url("fv_datacube.fit")).get(0)).doesNotContainKey("telescope")
                .containsEntry("obsDate", AttributeValue.fromS("1983-04-12"));
    }

    @Test
    void findsHdusByObjectName() {
        assertThat(pks(query(IndexSchema.BY_OBJECT, "objectName", "NGC 1316", null))).containsExactlyInAnyOrder(
                url("astropy_checksum.fits"), url("astropy_checksum_false.fits"), url("astropy_comp.fits"));
        assertThat(query(IndexSchema.BY_OBJECT, "objectName", "Sun", null).items())
                .extracting(i -> i.get("s3Key").s()).contains("corpus/sunpy_go1520110607.fits",
                        "corpus/sunpy_hsi_image_20101016_191218.fits");
    }

    @Test
    void findsHdusByInstrumentWithinADateRange() {
        QueryResponse goes2011 = query(IndexSchema.BY_INSTRUMENT, "instrument", "X-ray Detector",
                new String[] {"2011-01-01", "2011-12-31"});
        assertThat(goes2011.items()).singleElement().satisfies(i -> {
            assertThat(i.get("s3Key").s()).isEqualTo("corpus/sunpy_go1520110607.fits");
            assertThat(i.get("hduIndex").n()).isEqualTo("0");
            assertThat(i.get("obsDate").s()).isEqualTo("2011-06-07");
        });
        // Its other HDUs name the instrument without a DATE-OBS: in the index, after every date.
        assertThat(query(IndexSchema.BY_INSTRUMENT, "instrument", "X-ray Detector", null).items())
                .extracting(i -> i.get("obsDate").s()).startsWith("2011-06-07").contains(IndexSchema.UNDATED);
        assertThat(pks(query(IndexSchema.BY_INSTRUMENT, "instrument", "STIS", null))).containsExactlyInAnyOrder(
                url("astropy_o4sp040b0_raw.fits"), url("pyraf_pset_msstat_input.fits"));
    }

    @Test
    void instrumentIndexIsSortedByObservationDate() {
        for (int seq : new int[] {7, 1, 4}) {
            ObjectEvent e = f.upload("dated/cam-" + seq + ".fits",
                    SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(seq, 1)));
            assertThat(apply(e).result()).isEqualTo(IndexOutcome.Result.INDEXED);
        }
        assertThat(query(IndexSchema.BY_INSTRUMENT, "instrument", "CAM1", null).items())
                .extracting(i -> i.get("obsDate").s())
                .containsExactly("2024-01-11T00:00:00", "2024-01-14T00:00:00", "2024-01-17T00:00:00");
    }

    @Test
    void attributeNamesNeedNoEscapingInExpressions() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        Set<String> notNames = Set.of("FILE_SK", "UNDATED", "BY_OBJECT", "BY_INSTRUMENT");
        for (Field field : IndexSchema.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !notNames.contains(field.getName())) {
                names.add((String) field.get(null));
            }
        }
        assertThat(names).hasSizeGreaterThan(30);
        // DynamoDB rejects a reserved word used as a name in an expression; DynamoDB Local too.
        QueryResponse r = f.dynamoClient.query(q -> q.tableName(f.table)
                .keyConditionExpression("pk = :pk")
                .filterExpression("attribute_exists(objectName) AND hduIndex >= :zero")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(url("astropy_checksum.fits")),
                        ":zero", AttributeValue.fromN("0")))
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

    private static QueryResponse query(String index, String attribute, String value, String[] dates) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", AttributeValue.fromS(value));
        String condition = attribute + " = :v";
        if (dates != null) {
            condition += " AND obsDate BETWEEN :from AND :to";
            values.put(":from", AttributeValue.fromS(dates[0]));
            values.put(":to", AttributeValue.fromS(dates[1]));
        }
        String c = condition;
        return f.dynamoClient.query(q -> q.tableName(f.table).indexName(index).keyConditionExpression(c)
                .expressionAttributeValues(values));
    }

    private static Set<String> pks(QueryResponse r) {
        return r.items().stream().map(i -> "s3://" + i.get("s3Bucket").s() + "/" + i.get("s3Key").s())
                .collect(Collectors.toSet());
    }
}
