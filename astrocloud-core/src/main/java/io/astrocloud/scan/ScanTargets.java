package io.astrocloud.scan;

import io.astrocloud.source.ObjectLocation;
import io.astrocloud.source.SourceResolver;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Turns what a user names (object URLs and S3 prefixes such as {@code s3://bucket/dir/}) into the
 * objects to walk, listing prefixes lazily page by page.
 */
public final class ScanTargets {
    private ScanTargets() {
    }

    /** The objects named by {@code targets}, prefixes expanded to the keys matching {@code include}. */
    public static Iterator<ObjectRef> expand(SourceResolver resolver, List<String> targets, Pattern include) {
        Iterator<String> names = targets.iterator();
        return new Iterator<>() {
            private Iterator<ObjectRef> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && names.hasNext()) {
                    current = expandOne(resolver, names.next(), include);
                }
                return current.hasNext();
            }

            @Override
            public ObjectRef next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private static Iterator<ObjectRef> expandOne(SourceResolver resolver, String target, Pattern include) {
        if (resolver.provider(target) != null) {
            return List.of(ObjectRef.of(target)).iterator();
        }
        ObjectLocation loc = resolver.locate(target);
        if (loc.isPrefix()) {
            return new PrefixLister(resolver.s3Client(loc), include, resolver.options().s3().requesterPays())
                    .list(loc.bucket(), loc.key());
        }
        return List.of(new ObjectRef(target, loc, null, -1)).iterator();
    }
}
