package io.astrocloud.camel;

import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.http.RangeHttpServer;
import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The corpus served under /corpus/ by an in-process HTTP server with Range, for one test class. */
final class CorpusOverHttp implements BeforeAllCallback, AfterAllCallback {
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
    RangeHttpServer server() {
        return server;
    }

    /** The URL of a corpus file. */
    String url(String file) {
        return server.url("/corpus/" + file);
    }
}
