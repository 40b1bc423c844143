package io.astrocloud.camel;

import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.StoreProvider;
import io.astrocloud.testkit.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plug-in store for the tests, found through the core's {@link StoreProvider} SPI like the GCS and
 * Azure providers: {@code corpus://NAME} serves the corpus file NAME from memory. It stands in for
 * a cloud store that cannot run here, and records the store settings it was opened with so that
 * tests can see the endpoint's {@code setting.*} options arrive.
 */
public final class CorpusStoreProvider implements StoreProvider {
    /** The settings of the last open, by URL. */
    static final Map<String, Map<String, String>> SETTINGS_SEEN = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "corpus";
    }

    @Override
    public boolean accepts(String url, AccessOptions options) {
        return url.startsWith("corpus://");
    }

    @Override
    public RangeSource open(String url, AccessOptions options) throws IOException {
        SETTINGS_SEEN.put(url, options.settings());
        return new MemoryRangeSource(url, Files.readAllBytes(Corpus.file(url.substring("corpus://".length()))));
    }
}
