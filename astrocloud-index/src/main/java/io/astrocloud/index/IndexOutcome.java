package io.astrocloud.index;

/**
 * What the {@link Indexer} did with one event.
 *
 * @param result   what happened
 * @param url      the object, {@code s3://bucket/key}
 * @param hduCount HDUs indexed (INDEXED), else 0
 * @param detail   why (INVALID: the reason with URL, HDU and offset; UNCHANGED: which newer
 *                 event or which state made the event moot)
 * @param requests GET requests sent to read the headers (retries included), 0 if none were
 * @param bytesRead bytes those requests received
 */
public record IndexOutcome(Result result, String url, int hduCount, String detail, long requests, long bytesRead) {
    /** An outcome that read nothing from S3. */
    public IndexOutcome(Result result, String url, int hduCount, String detail) {
        this(result, url, hduCount, detail, 0, 0);
    }

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
