package io.astrocloud.scan;

import io.astrocloud.source.ListedObject;
import io.astrocloud.source.ObjectLocation;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.StoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Turns what a user names (object URLs and prefixes such as {@code s3://bucket/dir/}, or a store
 * provider's prefixes such as {@code gs://bucket/dir/}) into the objects to walk, listing prefixes
 * lazily page by page.
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
        StoreProvider provider = resolver.provider(target);
        if (provider != null) {
            return provider.isPrefix(target) ? listed(provider, target, include, resolver)
                    : List.of(ObjectRef.of(target)).iterator();
        }
        ObjectLocation loc = resolver.locate(target);
        if (loc.isPrefix()) {
            return new PrefixLister(resolver.s3Client(loc), include, resolver.options().s3().requesterPays())
                    .list(loc);
        }
        return List.of(new ObjectRef(target, loc, null, -1)).iterator();
    }

    private static Iterator<ObjectRef> listed(StoreProvider provider, String prefixUrl, Pattern include,
                                              SourceResolver resolver) {
        Iterator<ListedObject> objects;
        try {
            objects = provider.list(prefixUrl, include, resolver.options());
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + prefixUrl + " failed: " + e.getMessage(), e);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return objects.hasNext();
            }

            @Override
            public ObjectRef next() {
                ListedObject o = objects.next();
                return new ObjectRef(o.url(), null, o.etag(), o.size());
            }
        };
    }
}
