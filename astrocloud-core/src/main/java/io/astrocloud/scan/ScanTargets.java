package io.astrocloud.scan;

import io.astrocloud.source.ObjectRef;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.SourceResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Turns what a user names (object URLs, and prefixes of any store such as {@code s3://bucket/dir/}
 * or {@code gs://bucket/dir/}) into the objects to walk, listing prefixes lazily page by page.
 */
public final class ScanTargets {
    private ScanTargets() {
    }

    /** The objects named by {@code targets}, prefixes expanded to the objects matching {@code include}. */
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
        if (!resolver.isPrefix(target)) {
            return List.of(ObjectRef.of(target)).iterator();
        }
        try {
            return resolver.list(target, include);
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + Redaction.text(target) + " failed: " + e.getMessage(), e);
        }
    }
}
