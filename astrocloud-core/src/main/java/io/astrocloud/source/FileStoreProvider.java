package io.astrocloud.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** Local files: {@code file:} URLs and paths (a mounted bucket, a download, a test fixture). */
public final class FileStoreProvider implements StoreProvider {
    @Override
    public String name() {
        return "file";
    }

    /** True for {@code file:} URLs and for names without a URL scheme. */
    @Override
    public boolean accepts(String url, AccessOptions options) {
        return url.toLowerCase(Locale.ROOT).startsWith("file:") || !url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    }

    @Override
    public RangeSource open(String url, AccessOptions options) {
        return new FileRangeSource(path(url));
    }

    /** The file {@code url} names. */
    public static Path path(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("file:") ? Path.of(URI.create(url)) : Path.of(url);
    }
}
