package io.astrocloud.describe;

import java.util.EnumMap;
import java.util.Map;

/** An ObsCore row being filled: each column gets a value or a reason. */
final class Row {
    private final Map<ObsCoreColumn, Object> values = new EnumMap<>(ObsCoreColumn.class);
    private final Map<ObsCoreColumn, String> why = new EnumMap<>(ObsCoreColumn.class);

    void put(ObsCoreColumn column, Object value) {
        why.remove(column);
        values.put(column, value);
    }

    void absent(ObsCoreColumn column, String reason) {
        values.remove(column);
        why.put(column, reason);
    }

    /** A long value, or the reason. */
    void count(ObsCoreColumn column, Long value, String reason) {
        if (value != null) {
            put(column, value);
        } else {
            absent(column, reason);
        }
    }

    ObsCore build() {
        return new ObsCore(values, why);
    }
}
