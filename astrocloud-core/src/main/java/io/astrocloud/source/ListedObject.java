package io.astrocloud.source;

/**
 * An object found under a prefix by a {@link StoreProvider}'s listing.
 *
 * @param url  the object's URL, in a form the provider accepts
 * @param etag its ETag as the provider's sources report it (so a walk can be pinned to it), or null
 * @param size its size in bytes, or -1
 */
public record ListedObject(String url, String etag, long size) {
    /** The URL with its secrets masked, and what the listing said. */
    @Override
    public String toString() {
        return "ListedObject[" + Redaction.text(url) + ", etag=" + etag + ", size=" + size + "]";
    }
}
