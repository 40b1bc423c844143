package io.astrocloud.describe;

import java.util.EnumMap;
import java.util.Map;

/**
 * The sky part of an ObsCore row ({@link ObsCoreColumn#SKY}: {@code s_ra}, {@code s_dec},
 * {@code s_fov}, {@code s_region}, {@code s_resolution}, {@code s_pixel_scale}), which the
 * celestial WCS computes and {@link ObsCoreMapper} takes as given. Each column has a value or
 * the reason it has none.
 *
 * @param values the columns that have a value (String, Long or Double by column type)
 * @param why    the reason of every other sky column
 */
public record SkyColumns(Map<ObsCoreColumn, Object> values, Map<ObsCoreColumn, String> why) {
    /** Checks that every sky column has exactly one of a value or a reason. */
    public SkyColumns {
        values = ColumnValues.values(values, why, ObsCoreColumn.SKY);
        why = ColumnValues.why(why);
    }

    /** No sky column, for one reason (no celestial WCS, not computed, ...). */
    public static SkyColumns absent(String why) {
        Map<ObsCoreColumn, String> reasons = new EnumMap<>(ObsCoreColumn.class);
        ObsCoreColumn.SKY.forEach(c -> reasons.put(c, why));
        return new SkyColumns(Map.of(), reasons);
    }
}
