package io.astrocloud.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocloud.describe.ObsCore;
import io.astrocloud.describe.ObsCoreColumn;
import io.astrocloud.json.FitsJson;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * ObsCore rows in the index's two forms: as JSON inside the file item's blob (values and reasons,
 * as {@link ObsCore#toMap()} writes them, read back exactly), and as top-level DynamoDB attributes
 * of the HDU items (the column names, {@code s_ra}, {@code t_min}, ...: strings as S, integers and
 * reals as N). DynamoDB numbers hold 38 digits between 1E-130 and 1E+126: a value outside that range
 * is left out of the attributes (it stays in the blob).
 */
public final class ObsCoreAttributes {
    private static final BigDecimal MAX = new BigDecimal("1E126");
    private static final BigDecimal MIN = new BigDecimal("1E-130");

    private ObsCoreAttributes() {
    }

    /** The row as JSON: column values, then {@code "why"}. */
    public static JsonNode toJson(ObsCore obs) {
        return FitsJson.MAPPER.valueToTree(obs.toMap());
    }

    /** The row back from {@link #toJson}. */
    public static ObsCore fromJson(JsonNode json) {
        Map<ObsCoreColumn, Object> values = new EnumMap<>(ObsCoreColumn.class);
        Map<ObsCoreColumn, String> why = new EnumMap<>(ObsCoreColumn.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("why")) {
                field.getValue().fields().forEachRemaining(r -> why.put(column(r.getKey()), r.getValue().asText()));
            } else {
                ObsCoreColumn c = column(field.getKey());
                values.put(c, typed(c, field.getValue()));
            }
        }
        return new ObsCore(values, why);
    }

    /** The values as DynamoDB attributes, in column order. */
    public static Map<String, AttributeValue> attributes(ObsCore obs) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        obs.values().forEach((c, v) -> {
            AttributeValue a = v instanceof String ? AttributeValue.fromS((String) v) : number((Number) v);
            if (a != null) {
                item.put(c.columnName(), a);
            }
        });
        return item;
    }

    /** The ObsCore values among an item's attributes, typed as {@link ObsCore} types them. */
    public static Map<ObsCoreColumn, Object> values(Map<String, AttributeValue> item) {
        Map<ObsCoreColumn, Object> values = new EnumMap<>(ObsCoreColumn.class);
        for (ObsCoreColumn c : ObsCoreColumn.values()) {
            AttributeValue a = item.get(c.columnName());
            if (a == null) {
                continue;
            }
            switch (c.type()) {
                case STRING:
                    values.put(c, a.s());
                    break;
                case INTEGER:
                    values.put(c, Long.parseLong(a.n()));
                    break;
                default:
                    values.put(c, Double.parseDouble(a.n()));
            }
        }
        return values;
    }

    /** A number DynamoDB can hold, or null when it cannot (not finite, out of range, too precise). */
    public static AttributeValue number(Number v) {
        BigDecimal d;
        if (v instanceof Double || v instanceof Float) {
            double x = v.doubleValue();
            if (!Double.isFinite(x)) {
                return null;
            }
            d = BigDecimal.valueOf(x);
        } else {
            d = new BigDecimal(v.toString());
        }
        if (d.signum() != 0 && (d.abs().compareTo(MAX) >= 0 || d.abs().compareTo(MIN) < 0 || d.precision() > 38)) {
            return null;
        }
        return AttributeValue.fromN(d.toString());
    }

    private static ObsCoreColumn column(String name) {
        return ObsCoreColumn.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static Object typed(ObsCoreColumn c, JsonNode v) {
        switch (c.type()) {
            case STRING:
                return v.asText();
            case INTEGER:
                return v.asLong();
            default:
                return v.asDouble();
        }
    }
}
