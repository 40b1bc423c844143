package io.astrocloud.index;

import io.astrocloud.describe.ObsCoreColumn;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The HDU items of a committed version: what the secondary indexes find. Derived from the
 * {@link IndexedObject} alone (so a redelivered event can write them again from the file item),
 * written after the commit, keyed by its version.
 *
 * <p>Which HDUs: those with data (a multi-extension file's primary header, NAXIS = 0, describes no
 * data; the keywords it holds reach its extensions through inheritance), or the primary HDU of a
 * file in which no HDU has data; among those, the ones whose description has something to search
 * by ({@link #SEARCHABLE}, or FILTER). HDUs whose attributes are all equal share one item, which
 * lists them ({@link IndexSchema#HDUS}, as ranges): the 80 extensions of an HST WFC3/IR
 * MultiAccum file (SCI, ERR, DQ, SAMP, TIME of 16 reads) describe one observation, and are one item.
 * An item's attributes are the ObsCore values (column names), FILTER, and the search keys
 * ({@link IndexSchema#TARGET_KEY}, {@link IndexSchema#INSTRUMENT_KEY}, {@link IndexSchema#FACILITY_KEY},
 * {@link IndexSchema#FILTER_KEY}, {@link IndexSchema#OBS_TIME}).
 */
public final class HduItems {
    /** The columns a search asks for: an HDU with none of them (nor FILTER) gets no item. */
    public static final Set<ObsCoreColumn> SEARCHABLE = Set.of(ObsCoreColumn.DATAPRODUCT_TYPE,
            ObsCoreColumn.TARGET_NAME, ObsCoreColumn.INSTRUMENT_NAME, ObsCoreColumn.FACILITY_NAME, ObsCoreColumn.S_RA,
            ObsCoreColumn.S_REGION, ObsCoreColumn.T_MIN, ObsCoreColumn.T_MAX, ObsCoreColumn.EM_MIN, ObsCoreColumn.EM_MAX);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final double MJD_UNIX_EPOCH = 40587.0;

    private HduItems() {
    }

    /** The HDU items of {@code o} (none unless it is INDEXED), in the order of their first HDU. */
    public static List<Map<String, AttributeValue>> of(IndexedObject o) {
        if (o.status() != IndexSchema.FileStatus.INDEXED) {
            return List.of();
        }
        List<IndexedHdu> candidates = o.hdus().stream().filter(IndexedHdu::holdsData).toList();
        if (candidates.isEmpty() && !o.hdus().isEmpty()) {
            candidates = List.of(o.hdus().get(0));
        }
        Map<Map<String, AttributeValue>, List<Integer>> groups = new LinkedHashMap<>();
        for (IndexedHdu h : candidates) {
            Map<String, AttributeValue> attributes = attributes(h, o.url());
            if (attributes != null) {
                groups.computeIfAbsent(attributes, a -> new ArrayList<>()).add(h.index());
            }
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Map.Entry<Map<String, AttributeValue>, List<Integer>> g : groups.entrySet()) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put(IndexSchema.PK, AttributeValue.fromS(o.url()));
            item.put(IndexSchema.SK, AttributeValue.fromS(IndexSchema.hduItemKey(o.version(), items.size())));
            item.put(IndexSchema.ITEM_TYPE, AttributeValue.fromS(IndexSchema.ItemType.HDU.name()));
            item.put(IndexSchema.VERSION, AttributeValue.fromS(o.version()));
            item.put(IndexSchema.HDUS, AttributeValue.fromS(HduRanges.format(g.getValue())));
            item.putAll(g.getKey());
            items.add(item);
        }
        return items;
    }

    /** The attributes of one HDU's item, or null when it has nothing to search by. */
    private static Map<String, AttributeValue> attributes(IndexedHdu h, String url) {
        boolean searchable = h.filter() != null || SEARCHABLE.stream().anyMatch(c -> h.obs().value(c).isPresent());
        if (!searchable) {
            return null;
        }
        Map<String, AttributeValue> a = new LinkedHashMap<>(ObsCoreAttributes.attributes(h.obs()));
        if (h.filter() != null) {
            a.put(IndexSchema.FILTER_NAME, AttributeValue.fromS(h.filter()));
            NameKey.of(h.filter()).ifPresent(k -> a.put(IndexSchema.FILTER_KEY, AttributeValue.fromS(k)));
        }
        h.obs().string(ObsCoreColumn.TARGET_NAME).flatMap(NameKey::of)
                .ifPresent(k -> a.put(IndexSchema.TARGET_KEY, AttributeValue.fromS(k)));
        h.obs().string(ObsCoreColumn.INSTRUMENT_NAME).flatMap(NameKey::of).ifPresent(k ->
                a.put(IndexSchema.INSTRUMENT_KEY, AttributeValue.fromS(IndexSchema.instrumentKey(k, url))));
        h.obs().string(ObsCoreColumn.FACILITY_NAME).flatMap(NameKey::of)
                .ifPresent(k -> a.put(IndexSchema.FACILITY_KEY, AttributeValue.fromS(k)));
        a.put(IndexSchema.OBS_TIME, AttributeValue.fromS(obsTime(h.obs().real(ObsCoreColumn.T_MIN))));
        return a;
    }

    /** {@link IndexSchema#OBS_TIME} of a start time (MJD), or {@value IndexSchema#UNDATED}. */
    public static String obsTime(java.util.OptionalDouble mjd) {
        if (mjd.isEmpty()) {
            return IndexSchema.UNDATED;
        }
        double millis = (mjd.getAsDouble() - MJD_UNIX_EPOCH) * 86_400_000.0;
        return ISO.format(Instant.ofEpochMilli(Math.round(millis)));
    }
}
