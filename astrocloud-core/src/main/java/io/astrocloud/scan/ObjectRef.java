package io.astrocloud.scan;

import io.astrocloud.source.ObjectLocation;
import io.astrocloud.source.Redaction;

/**
 * One object to walk: its URL and, when a listing gave them, its ETag and size (the walk is then
 * pinned to them, so an object replaced after the listing fails clearly instead of being mixed up).
 *
 * @param url      the object's URL as reported in results
 * @param location where it lives, or null for store providers that parse the URL themselves
 * @param etag     the ETag from the listing, or null
 * @param size     the size from the listing, or -1
 */
public record ObjectRef(String url, ObjectLocation location, String etag, long size) {
    /** An object named by a URL alone. */
    public static ObjectRef of(String url) {
        return new ObjectRef(url, null, null, -1);
    }

    /** The URL with its secrets masked, and what the listing said. */
    @Override
    public String toString() {
        return "ObjectRef[" + Redaction.text(url) + ", etag=" + etag + ", size=" + size + "]";
    }
}
