package io.astrocloud.index;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every item derived from a committed version: what the {@link Indexer} writes after the commit,
 * what {@link Settlement} writes again when some are missing, and what the file item counts
 * ({@link IndexSchema#DERIVED_ITEMS}). Today the HDU items ({@link HduItems}); a kind added here (items
 * by sky cell or by time, keyed {@code V#<version>#...} with their version in {@link IndexSchema#VERSION})
 * is written, restored, deleted when replaced and dropped by readers by the same rules, with no
 * change to the commit.
 */
public final class DerivedItems {
    private DerivedItems() {
    }

    /** The items derived from {@code o}, a pure function of it. */
    public static List<Map<String, AttributeValue>> of(IndexedObject o) {
        return HduItems.of(o);
    }
}
