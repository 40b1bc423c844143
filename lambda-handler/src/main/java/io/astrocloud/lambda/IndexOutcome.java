package io.astrocloud.lambda;

/**
 * What the {@link Indexer} did with one event.
 *
 * @param result   what happened
 * @param url      the object, {@code s3://bucket/key}
 * @param hduCount HDUs indexed (INDEXED), else 0
 * @param detail   why (INVALID: the reason with URL, HDU and offset; UNCHANGED: which newer
 *                 event or which state made the event moot)
 */
public record IndexOutcome(Result result, String url, int hduCount, String detail) {
    /** What happened. */
    public enum Result {
        /** The HDUs were written and the file item says INDEXED. */
        INDEXED,
        /** The object is not valid FITS: the file item says INVALID, with the reason. */
        INVALID,
        /** The object's items were removed and a tombstone written. */
        REMOVED,
        /** Nothing to do: a duplicate, an event older than what is indexed, or an object since replaced. */
        UNCHANGED
    }

    @Override
    public String toString() {
        return result + " " + url + (result == Result.INDEXED ? " (" + hduCount + " HDUs)" : "")
                + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
