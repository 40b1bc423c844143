package io.astrocloud.scan;

import io.astrocloud.source.ObjectLocation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.RequestPayer;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the objects under an S3 prefix with ListObjectsV2, one page (up to 1,000 keys) at a time
 * as the caller iterates, keeping keys that match a name pattern. Millions of keys cost one page
 * of memory.
 */
public final class PrefixLister {
    private final S3Client s3;
    private final Pattern include;
    private final boolean requesterPays;

    /**
     * @param s3            the client (not closed here)
     * @param include       keys to keep (matched against the whole key), e.g. {@link FitsNames#DEFAULT}
     * @param requesterPays send {@code x-amz-request-payer: requester}
     */
    public PrefixLister(S3Client s3, Pattern include, boolean requesterPays) {
        this.s3 = s3;
        this.include = include;
        this.requesterPays = requesterPays;
    }

    /** The objects under {@code bucket/prefix} whose keys match, in key order. */
    public Iterator<ObjectRef> list(String bucket, String prefix) {
        return list(new ObjectLocation(ObjectLocation.Store.S3, bucket, prefix, null, null, null, null));
    }

    /**
     * The objects under {@code prefix} (an S3 location whose key is the prefix) whose keys match, in
     * key order; each keeps the prefix's endpoint and addressing.
     */
    public Iterator<ObjectRef> list(ObjectLocation prefixLocation) {
        String bucket = prefixLocation.bucket();
        String prefix = prefixLocation.key();
        return new Iterator<>() {
            private final Deque<ObjectRef> page = new ArrayDeque<>();
            private String token;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (page.isEmpty() && !last) {
                    fetch();
                }
                return !page.isEmpty();
            }

            @Override
            public ObjectRef next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.removeFirst();
            }

            private void fetch() {
                ListObjectsV2Request.Builder b = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                        .continuationToken(token);
                if (requesterPays) {
                    b.requestPayer(RequestPayer.REQUESTER);
                }
                ListObjectsV2Response r = s3.listObjectsV2(b.build());
                for (S3Object o : r.contents()) {
                    if (include.matcher(o.key()).matches()) {
                        ObjectLocation loc = prefixLocation.withKey(o.key());
                        page.add(new ObjectRef(loc.canonical(), loc, o.eTag(), o.size() == null ? -1 : o.size()));
                    }
                }
                token = r.nextContinuationToken();
                last = !Boolean.TRUE.equals(r.isTruncated()) || token == null;
            }
        };
    }
}
