package io.astrocloud.index;

/**
 * The bytes that were indexed: which object, which version, how big and with which ETag, as the
 * event said or, for a backfill, as the first read found them.
 *
 * @param bucket    the bucket
 * @param key       the key
 * @param versionId the version, or null
 * @param size      size in bytes, or -1 if not known
 * @param etag      the ETag without quotes, or null
 */
public record ObjectVersion(String bucket, String key, String versionId, long size, String etag) {
    /** The object's URL, {@code s3://bucket/key}: the partition key of its items. */
    public String url() {
        return "s3://" + bucket + "/" + key;
    }

    /** An ETag without its quotes (events carry it bare, GetObject quoted). */
    public static String bareEtag(String etag) {
        if (etag == null) {
            return null;
        }
        String t = etag.startsWith("W/") ? etag.substring(2) : etag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
