package io.astrocloud.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a test server (HTTP or S3Proxy) that misbehaves below HTTP: it can reset
 * a connection (RST) after some response bytes, or stop forwarding and leave the client waiting.
 * Faults apply to the first {@code times} connections; later ones pass through untouched.
 */
public final class TcpFaultProxy implements AutoCloseable {
    /** What to do to a connection. */
    public enum Mode {
        /** Forward everything. */
        PASS,
        /** Forward {@code afterBytes} response bytes, then reset the connection. */
        RESET,
        /** Forward {@code afterBytes} response bytes, then forward nothing more until closed. */
        STALL
    }

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong responseBytes = new AtomicLong();
    private volatile Mode mode = Mode.PASS;
    private volatile long afterBytes;
    private volatile int times;

    private TcpFaultProxy(ServerSocket listener, InetSocketAddress upstream) {
        this.listener = listener;
        this.upstream = upstream;
    }

    /** Starts a proxy on a free loopback port in front of {@code upstream} (its host and port). */
    public static TcpFaultProxy start(URI upstream) throws IOException {
        ServerSocket s = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        TcpFaultProxy p = new TcpFaultProxy(s, new InetSocketAddress(upstream.getHost(), upstream.getPort()));
        p.threads.execute(p::accept);
        return p;
    }

    /** The proxy's URI: same scheme as the upstream, the proxy's port. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Misbehaves on the next {@code times} connections. */
    public TcpFaultProxy fault(Mode mode, long afterBytes, int times) {
        this.mode = mode;
        this.afterBytes = afterBytes;
        this.times = times;
        return this;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Response bytes forwarded to clients so far. */
    public long responseBytes() {
        return responseBytes.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                int n = connections.incrementAndGet();
                Mode m = n <= times ? mode : Mode.PASS;
                threads.execute(() -> serve(client, m, afterBytes));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client, Mode m, long limit) {
        try (client; Socket server = new Socket()) {
            server.connect(upstream, 5000);
            CountDownLatch clientGone = new CountDownLatch(1);
            threads.execute(() -> {
                pump(client, server);
                clientGone.countDown();
            });
            InputStream in = server.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buf = new byte[8192];
            long sent = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                int allowed = m == Mode.PASS ? n : (int) Math.max(0, Math.min(n, limit - sent));
                if (allowed > 0) {
                    out.write(buf, 0, allowed);
                    out.flush();
                    sent += allowed;
                    responseBytes.addAndGet(allowed);
                }
                if (m != Mode.PASS && sent >= limit) {
                    if (m == Mode.RESET) {
                        client.setSoLinger(true, 0); // close with RST
                        return;
                    }
                    // STALL: say nothing more; wait (a minute at most) for the client to give up.
                    clientGone.await(60, TimeUnit.SECONDS);
                    return;
                }
            }
        } catch (IOException e) {
            // One side went away: the connection is over.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(Socket client, Socket server) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = server.getOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Client or server closed.
        }
    }
}
