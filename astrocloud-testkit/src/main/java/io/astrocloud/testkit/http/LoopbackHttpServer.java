package io.astrocloud.testkit.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * The JDK's HTTP/1.1 server (or HTTPS server) on a free loopback port with daemon worker threads:
 * what the test kit's HTTP servers run on.
 */
public final class LoopbackHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;

    private LoopbackHttpServer(HttpServer server, ExecutorService executor, String scheme) {
        this.server = server;
        this.executor = executor;
        this.scheme = scheme;
    }

    /** Starts a server that hands every request to {@code handler}, on threads named {@code threadName}. */
    public static LoopbackHttpServer start(String threadName, int backlog, HttpHandler handler) throws IOException {
        return start(threadName, backlog, handler, null);
    }

    /**
     * Starts a server as {@link #start(String, int, HttpHandler)} does, speaking HTTPS with
     * {@code tls} (null: plain HTTP).
     */
    public static LoopbackHttpServer start(String threadName, int backlog, HttpHandler handler, SSLContext tls)
            throws IOException {
        // Object stores answer with TCP_NODELAY; without it the JDK server's separate writes of the
        // headers and a short last body stall ~40 ms on delayed ACKs (Nagle), which is not the network
        // being simulated. Read once, when the JDK's server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer server;
        if (tls == null) {
            server = HttpServer.create(loopback, backlog);
        } else {
            HttpsServer https = HttpsServer.create(loopback, backlog);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        return new LoopbackHttpServer(server, executor, tls == null ? "http" : "https");
    }

    /** The base URI, {@code http://127.0.0.1:PORT} (or {@code https://}). */
    public URI baseUri() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
