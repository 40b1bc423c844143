package io.astrocloud.index;

import io.astrocloud.describe.ObsCoreColumn;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * HDUs of one object found through the index: an HDU item of the committed version.
 *
 * @param url     the object, {@code s3://bucket/key}
 * @param version the committed version the item derives from
 * @param hdus    the HDUs it describes (their descriptions are equal)
 * @param obs     their ObsCore values, typed as {@code ObsCore} types them
 * @param filter  their FILTER, or null
 * @param obsTime the start time as the indexes sort it, or {@value IndexSchema#UNDATED}
 */
public record HduMatch(String url, String version, List<Integer> hdus, Map<ObsCoreColumn, Object> obs, String filter,
                       String obsTime) {
    /** Copies. */
    public HduMatch {
        hdus = List.copyOf(hdus);
        obs = Map.copyOf(obs);
    }

    /** The match an HDU item stands for. */
    public static HduMatch of(Map<String, AttributeValue> item) {
        AttributeValue filter = item.get(IndexSchema.FILTER_NAME);
        return new HduMatch(item.get(IndexSchema.PK).s(), item.get(IndexSchema.VERSION).s(),
                HduRanges.parse(item.get(IndexSchema.HDUS).s()), ObsCoreAttributes.values(item),
                filter == null ? null : filter.s(), item.get(IndexSchema.OBS_TIME).s());
    }

    /** A string column's value. */
    public Optional<String> string(ObsCoreColumn column) {
        return Optional.ofNullable((String) obs.get(column));
    }
}
