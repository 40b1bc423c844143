package io.astrocloud.describe;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Values and reasons for a set of columns, checked: every column of the set has either a value of
 * its type or a reason, never both.
 */
final class ColumnValues {
    private ColumnValues() {
    }

    static Map<ObsCoreColumn, Object> values(Map<ObsCoreColumn, Object> values, Map<ObsCoreColumn, String> why,
                                             Set<ObsCoreColumn> columns) {
        for (ObsCoreColumn c : columns) {
            boolean has = values.containsKey(c);
            boolean hasWhy = why.containsKey(c) && why.get(c) != null && !why.get(c).isBlank();
            if (has == hasWhy) {
                throw new IllegalArgumentException(c.columnName() + (has ? " has both a value and a reason"
                        : " has neither a value nor a reason"));
            }
            if (has && !c.accepts(values.get(c))) {
                throw new IllegalArgumentException(c.columnName() + " must be " + c.type() + ", not "
                        + values.get(c));
            }
        }
        for (ObsCoreColumn c : values.keySet()) {
            if (!columns.contains(c)) {
                throw new IllegalArgumentException(c.columnName() + " is not one of " + columns);
            }
        }
        for (ObsCoreColumn c : why.keySet()) {
            if (!columns.contains(c)) {
                throw new IllegalArgumentException(c.columnName() + " is not one of " + columns);
            }
        }
        return Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(ObsCoreColumn.class) : new EnumMap<>(values));
    }

    static Map<ObsCoreColumn, String> why(Map<ObsCoreColumn, String> why) {
        return Collections.unmodifiableMap(why.isEmpty() ? new EnumMap<>(ObsCoreColumn.class) : new EnumMap<>(why));
    }
}
