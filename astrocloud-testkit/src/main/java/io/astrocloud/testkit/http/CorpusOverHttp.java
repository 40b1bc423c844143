package io.astrocloud.testkit.http;

import io.astrocloud.testkit.Corpus;
import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The corpus served under /corpus/ by an in-process HTTP server with Range, for one test class:
 * {@code @RegisterExtension static final CorpusOverHttp CORPUS = new CorpusOverHttp();}.
 */
public class CorpusOverHttp implements BeforeAllCallback, AfterAllCallback {
    private RangeHttpServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = RangeHttpServer.start().putDirectory("/corpus", Corpus.dir());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** The server, to add objects, faults and read its counts. */
    public RangeHttpServer server() {
        return server;
    }

    /** The URL of a corpus file. */
    public String url(String file) {
        return server.url("/corpus/" + file);
    }
}
