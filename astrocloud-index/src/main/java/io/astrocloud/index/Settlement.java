package io.astrocloud.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Brings an object's items in line with its committed version: deletes every item of another
 * version, and writes the committed version's derived items ({@link DerivedItems}) again if some are
 * missing (their writer stopped between its commit and its batch). Idempotent: every event runs it once it knows where
 * it stands (after its commit, after losing one, or on finding itself a duplicate or outdated), so
 * a redelivered event finishes what its first delivery left.
 *
 * <p>Why it is safe: derived items are written only after their version's commit, and the versioned
 * items are listed before the file item is read. So every derived item listed belongs to a version
 * committed before that read; if the read shows another version, the listed one has been replaced
 * for good (a commit never goes back to an older event) and is deleted. Part items are the
 * exception, written before their commit: a part of another version is deleted only when its
 * version is known to be replaced (the caller says which) or when it is older than
 * {@link #PENDING_PARTS}, longer than any commit takes.
 */
public final class Settlement {
    /** How long a part item of an uncommitted version may belong to a commit still under way. */
    public static final Duration PENDING_PARTS = Duration.ofMinutes(15);
    private static final int ROUNDS = 3;

    private final IndexTable table;
    private final Clock clock;

    /**
     * @param table the index table
     * @param clock to age part items
     */
    public Settlement(IndexTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /**
     * What settling did.
     *
     * @param committed the committed version (null when the object has no file item)
     * @param deleted   items of other versions deleted
     * @param restored  derived items of the committed version written again
     */
    public record Result(String committed, int deleted, int restored) {
    }

    /**
     * Settles the object {@code url}.
     *
     * @param replaced versions known to be replaced (their parts go at once), may be empty
     */
    public Result settle(String url, Set<String> replaced) {
        int deleted = 0;
        int restored = 0;
        String committed = null;
        for (int round = 0; round < ROUNDS; round++) {
            List<IndexTable.VersionedItem> items = table.versionedItems(url);
            IndexTable.FileState state = table.state(url);
            committed = state == null ? null : state.version();
            List<String> garbage = new ArrayList<>();
            int present = 0;
            for (IndexTable.VersionedItem i : items) {
                if (i.version().equals(committed)) {
                    present += i.type() != IndexSchema.ItemType.PART ? 1 : 0;
                } else if (i.type() != IndexSchema.ItemType.PART || replaced.contains(i.version()) || stale(i)) {
                    garbage.add(i.sortKey());
                }
            }
            List<Map<String, AttributeValue>> missing = state != null && present < state.derivedItems()
                    ? restore(url, state) : List.of();
            if (!garbage.isEmpty() || !missing.isEmpty()) {
                table.write(url, missing, garbage);
            }
            deleted += garbage.size();
            restored += missing.size();
            if (missing.isEmpty()) {
                break;
            }
            // Items were written for the version just read: the next round checks it is still the committed one.
        }
        return new Result(committed, deleted, restored);
    }

    private List<Map<String, AttributeValue>> restore(String url, IndexTable.FileState state) {
        Map<String, AttributeValue> file = table.fileItem(url, true);
        if (file == null || !file.get(IndexSchema.VERSION).s().equals(state.version())) {
            return List.of();
        }
        List<Map<String, AttributeValue>> parts = table.parts(url, state.version(), true);
        return DerivedItems.of(ObjectItems.decode(file, parts));
    }

    private boolean stale(IndexTable.VersionedItem part) {
        return part.writtenAt() == null
                || Instant.parse(part.writtenAt()).isBefore(clock.instant().minus(PENDING_PARTS));
    }
}
