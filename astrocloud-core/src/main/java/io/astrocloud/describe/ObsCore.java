package io.astrocloud.describe;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One HDU described in IVOA ObsCore 1.1 terms ({@link ObsCoreColumn}): every column either has a
 * value, in ObsCore units (degrees, MJD, seconds, metres), or the reason it has none. A value is
 * never guessed; made by {@link ObsCoreMapper}.
 *
 * @param values the columns that have a value: String, Long or Double by column type
 * @param why    the reason of every column without a value
 */
public record ObsCore(Map<ObsCoreColumn, Object> values, Map<ObsCoreColumn, String> why) {
    /** Checks that every column has exactly one of a value of its type or a reason. */
    public ObsCore {
        values = ColumnValues.values(values, why, EnumSet.allOf(ObsCoreColumn.class));
        why = ColumnValues.why(why);
    }

    /** The value of a column, if it has one. */
    public Optional<Object> value(ObsCoreColumn column) {
        return Optional.ofNullable(values.get(column));
    }

    /** The value of a STRING column. */
    public Optional<String> string(ObsCoreColumn column) {
        return value(column).map(String.class::cast);
    }

    /** The value of a REAL column. */
    public OptionalDouble real(ObsCoreColumn column) {
        Object v = values.get(column);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of((Double) v);
    }

    /** The value of an INTEGER column. */
    public OptionalLong integer(ObsCoreColumn column) {
        Object v = values.get(column);
        return v == null ? OptionalLong.empty() : OptionalLong.of((Long) v);
    }

    /** Why a column has no value, if it has none. */
    public Optional<String> why(ObsCoreColumn column) {
        return Optional.ofNullable(why.get(column));
    }

    /**
     * The row for JSON and item attributes: column name to value in column order, then
     * {@code "why"}: column name to reason, in column order.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        values.forEach((c, v) -> map.put(c.columnName(), v));
        Map<String, String> reasons = new LinkedHashMap<>();
        why.forEach((c, r) -> reasons.put(c.columnName(), r));
        map.put("why", Collections.unmodifiableMap(reasons));
        return Collections.unmodifiableMap(map);
    }
}
