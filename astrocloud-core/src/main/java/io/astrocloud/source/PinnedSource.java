package io.astrocloud.source;

import java.io.IOException;

/**
 * Pins an object to the ETag (and size) of the first response, so that a file replaced in the
 * middle of a walk fails with {@link SourceException.Reason#CHANGED} instead of mixing bytes of
 * two files. Later reads carry {@code If-Match}; responses are also compared, for stores that
 * ignore the condition. A weak ETag cannot be used with If-Match and is only compared.
 */
final class PinnedSource implements RangeSource {
    private final RangeSource inner;
    private volatile ObjectInfo pinned;

    /**
     * @param inner the source to pin
     * @param known the ETag and size known in advance (from a listing or an event), pinned before
     *              the first read; {@link ObjectInfo#UNKNOWN} to pin to the first response's
     */
    PinnedSource(RangeSource inner, ObjectInfo known) {
        this.inner = inner;
        this.pinned = known.etag() == null && !known.sizeKnown() ? null : known;
    }

    /** The ETag and size pinned so far: {@link ObjectInfo#UNKNOWN} before anything was known. */
    ObjectInfo pinned() {
        ObjectInfo p = pinned;
        return p == null ? ObjectInfo.UNKNOWN : p;
    }

    /**
     * Pins to {@code etag}, known from elsewhere (a partial download), unless a response already
     * pinned this ETag; a different pinned ETag means the object changed.
     */
    synchronized void expect(String etag) throws SourceException {
        ObjectInfo p = pinned;
        if (p == null || p.etag() == null) {
            pinned = new ObjectInfo(p == null ? -1 : p.size(), etag);
        } else if (!sameTag(p.etag(), etag)) {
            throw new SourceException(SourceException.Reason.CHANGED, inner.url(), 0,
                    "was ETag " + etag + ", now ETag " + p.etag());
        }
    }

    @Override
    public String url() {
        return inner.url();
    }

    @Override
    public FetchedRange read(RangeRequest request) throws IOException {
        FetchedRange f = inner.read(request.ifMatch() == null ? request.withIfMatch(condition()) : request);
        check(f.object(), request.offset());
        return f;
    }

    @Override
    public ObjectStream open(long offset, String ifMatch) throws IOException {
        ObjectStream s = inner.open(offset, ifMatch == null ? condition() : ifMatch);
        try {
            check(s.object(), offset);
        } catch (SourceException e) {
            s.close();
            throw e;
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    private String condition() {
        ObjectInfo p = pinned;
        return p == null || p.etag() == null || p.weakEtag() ? null : p.etag();
    }

    private void check(ObjectInfo seen, long offset) throws SourceException {
        ObjectInfo p = pinned;
        if (p == null) {
            pinned = seen;
            return;
        }
        boolean etagMoved = p.etag() != null && seen.etag() != null && !sameTag(p.etag(), seen.etag());
        boolean sizeMoved = p.sizeKnown() && seen.sizeKnown() && p.size() != seen.size();
        if (etagMoved || sizeMoved) {
            throw new SourceException(SourceException.Reason.CHANGED, inner.url(), offset,
                    "was ETag " + p.etag() + " and " + p.size() + " bytes, now ETag " + seen.etag()
                            + " and " + seen.size() + " bytes");
        }
        if (p.etag() == null && seen.etag() != null || !p.sizeKnown() && seen.sizeKnown()) {
            pinned = new ObjectInfo(p.sizeKnown() ? p.size() : seen.size(), p.etag() != null ? p.etag() : seen.etag());
        }
    }

    private static boolean sameTag(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2 ? t.substring(1, t.length() - 1) : t;
    }
}
